// A minimal LSP client for protocol tests: starts the real server (dist/server.js) over stdio
// and speaks JSON-RPC to it. Tests wait for the server's index-status notification, never sleep.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers';

type Json = unknown;

let storageDir: string | undefined;

function testStorageDir(): string {
  storageDir ??= mkdtempSync(path.join(tmpdir(), 'aipc-lsp-storage-'));
  return storageDir;
}
type Handler = (params: Json) => void;

export class LspClient {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<string, Handler[]>();
  readonly notifications: Array<{ method: string; params: Json }> = [];
  stderr = '';
  /** How `workspace/configuration` pulls are answered; tests replace it to send errors or garbage. */
  answerConfiguration: () => { result: Json } | { error: { code: number; message: string } } = () => ({ result: [this.settings] });

  constructor(
    private readonly settings: Record<string, unknown> = {},
    serverPath = path.join(ROOT, 'dist', 'server.js'),
  ) {
    this.proc = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  static async start(settings: Record<string, unknown> = {}, rootPath?: string, initializationOptions: Record<string, unknown> = {}): Promise<LspClient> {
    const client = new LspClient(settings);
    await client.request('initialize', {
      processId: process.pid,
      rootUri: rootPath ? pathToFileURL(rootPath).toString() : null,
      workspaceFolders: rootPath ? [{ uri: pathToFileURL(rootPath).toString(), name: 'ws' }] : null,
      capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
      // A saved-index folder of this test process: the first server builds and saves, later ones load.
      initializationOptions: { settings, storageDir: testStorageDir(), ...initializationOptions },
    });
    client.notify('initialized', {});
    return client;
  }

  /** Resolves with the first `ready` index status at or above `generation`. */
  async indexed(generation = 1, timeoutMs = 30_000): Promise<{ documents: number; claims: number; generation: number }> {
    const ready = (p: Json) => {
      const s = p as { state: string; generation: number };
      return s.state === 'ready' && s.generation >= generation;
    };
    const seen = this.notifications.find((n) => n.method === 'aiPolicyClaims/indexStatus' && ready(n.params));
    if (seen) return seen.params as never;
    return this.waitFor('aiPolicyClaims/indexStatus', ready, timeoutMs) as never;
  }

  waitFor(method: string, predicate: (params: Json) => boolean = () => true, timeoutMs = 30_000): Promise<Json> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}; stderr: ${this.stderr}`)), timeoutMs);
      const handler: Handler = (params) => {
        if (!predicate(params)) return;
        clearTimeout(timer);
        this.listeners.set(method, (this.listeners.get(method) ?? []).filter((h) => h !== handler));
        resolve(params);
      };
      this.listeners.set(method, [...(this.listeners.get(method) ?? []), handler]);
    });
  }

  request<T = Json>(method: string, params: Json): Promise<T> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: Json) => void, reject }));
  }

  notify(method: string, params: Json): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  open(uri: string, text: string, languageId = 'markdown'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** The server's process id (for memory figures). */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** True while the server process runs. */
  get running(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async shutdown(): Promise<void> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      this.proc.once('exit', () => resolve());
    });
  }

  private send(message: Json): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  private dispatch(msg: { id?: number; method?: string; params?: Json; result?: Json; error?: { code: number; message: string } }): void {
    if (msg.method && msg.id !== undefined) {
      // Server → client requests: answer configuration pulls with our settings.
      const answer = msg.method === 'workspace/configuration' ? this.answerConfiguration() : { result: null };
      this.send({ jsonrpc: '2.0', id: msg.id, ...answer });
      return;
    }
    if (msg.method) {
      this.notifications.push({ method: msg.method, params: msg.params });
      for (const h of this.listeners.get(msg.method) ?? []) h(msg.params);
      return;
    }
    const pending = this.pending.get(msg.id!);
    if (!pending) return;
    this.pending.delete(msg.id!);
    if (msg.error) pending.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
    else pending.resolve(msg.result);
  }
}
