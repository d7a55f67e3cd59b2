// Asks the built server what it announces (one LSP initialize over stdio), so UI checks of a
// feature the server does not offer yet are reported as skipped rather than passed or failed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './codeServer.mjs';

export function serverCapabilities(server = join(repoRoot, 'dist', 'server.js')) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the server did not answer initialize within 20 s'));
    }, 20_000);
    let buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const header = buffer.indexOf('\r\n\r\n');
        if (header < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())?.[1]);
        if (buffer.length < header + 4 + length) return;
        const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString('utf8'));
        buffer = buffer.subarray(header + 4 + length);
        if (message.id === 1) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve(message.result?.capabilities ?? {});
          return;
        }
      }
    });
    child.on('error', reject);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}
