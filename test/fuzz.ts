// Fuzzing the CLI and the real server with hostile corpora and memos (test/fuzz/generate.ts):
// every run must end with an answer (exit code 0, 1 or 2 with one-line errors; an LSP result or
// error), never a crash, a hang or unbounded memory. Seeded and bounded, so a failure replays.
//   node dist/test/fuzz.js [--short] [--seed N] [--rounds N]
// `npm test` runs the short form (level `fuzz`); the full form makes over 2,000 files and memos.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusFolder, encode, ENCODINGS, int, pick, seeded, text, type Rand } from './fuzz/generate';
import { ROOT } from './helpers';
import {
  CompletionRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  HoverRequest,
  SemanticTokensRequest,
} from 'vscode-languageserver-protocol';
import { CheckMemoRequest, CitationRequest, FindSourcesRequest, ReindexRequest, SearchClaimsRequest } from '../server/protocol';
import { LspClient } from './lsp/lspClient';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const short = args.includes('--short');
const seed = Number(flag('--seed') ?? process.env.AIPC_FUZZ_SEED ?? 20261201);
const rounds = Number(flag('--rounds') ?? (short ? 6 : 100));
const filesPerRound = short ? 12 : 20;
const hugeLine = short ? 300_000 : 2_000_000;
const CLI_TIMEOUT_MS = 120_000;
const LSP_TIMEOUT_MS = 60_000;
const MEMORY_LIMIT_MB = 1024;

const counts = { files: 0, memos: 0, cliRuns: 0, lspRequests: 0, crashes: 0, hangs: 0, peakServerMb: 0, lastServerMb: 0 };
const failures: string[] = [];
const fail = (what: string) => {
  failures.push(what);
  console.log(`FAIL ${what}`);
};

/** Runs the CLI with a heap limit; a crash, a hang or a stack trace is a failure. */
function runCli(argv: string[], label: string): Promise<void> {
  counts.cliRuns++;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${MEMORY_LIMIT_MB}`, path.join(ROOT, 'dist', 'cli.js'), ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      counts.hangs++;
      fail(`${label}: CLI hung (${CLI_TIMEOUT_MS / 1000} s)`);
      child.kill('SIGKILL');
    }, CLI_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const crashed = signal !== null || ![0, 1, 2].includes(code ?? -1) || /unexpected error|\n\s+at |FATAL ERROR/.test(stderr);
      if (crashed && signal !== 'SIGKILL') {
        counts.crashes++;
        fail(`${label}: CLI exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`);
      }
      resolve();
    });
  });
}

/** An LSP request, sent as it is (hostile params included), that must answer (a result or an error) in time. */
async function ask(client: LspClient, method: string, params: unknown, label: string): Promise<void> {
  counts.lspRequests++;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), LSP_TIMEOUT_MS)));
  const answer = await Promise.race([client.rawRequest(method, params).then(() => 'ok', () => 'error'), timeout]);
  clearTimeout(timer);
  if (answer === 'hang') {
    counts.hangs++;
    fail(`${label}: ${method} did not answer in ${LSP_TIMEOUT_MS / 1000} s`);
  }
}

function serverMemoryMb(client: LspClient): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${client.pid}/status`, 'utf8'))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

const position = (rand: Rand) => ({ line: int(rand, 0, 60), character: pick(rand, [0, 1, 5, 40, 1000, 300_000]) });

/** One round against the long-running server: re-index the new folder, then every kind of request on the memo. */
async function serverRound(client: LspClient, rand: Rand, folder: string, memo: string, round: number): Promise<void> {
  const label = `round ${round}`;
  const garbage = rand() < 0.15;
  client.answerConfiguration = () => ({ result: [garbage ? pick(rand, ['x', 5, [], { corpus: 7 }, { corpus: { folders: [folder, 'x\0y'] } }]) : { corpus: { folders: [folder, path.join(folder, 'missing')], includeSeeds: rand() < 0.2 } }] });
  void client.notify(DidChangeConfigurationNotification.type, { settings: null });
  await ask(client, ReindexRequest.method, null, label);
  const uri = pathToFileURL(path.join(folder, '..', `memo-${round}.md`)).toString();
  client.open(uri, memo, pick(rand, ['markdown', 'plaintext']));
  const td = { textDocument: { uri } };
  await Promise.all([
    ask(client, HoverRequest.method, { ...td, position: position(rand) }, label),
    ask(client, SemanticTokensRequest.method, td, label),
    ask(client, CompletionRequest.method, { ...td, position: position(rand) }, label),
    ask(client, DefinitionRequest.method, { ...td, position: position(rand) }, label),
    ask(client, FindSourcesRequest.method, { uri, position: position(rand) }, label),
    ask(client, FindSourcesRequest.method, { text: text(rand, 1) }, label),
    ask(client, SearchClaimsRequest.method, { query: text(rand, 1), lang: pick(rand, ['ja', 'en', 'xx', undefined]), limit: pick(rand, [1, -1, 1e9, undefined]) }, label),
    ask(client, CitationRequest.method, { uri, position: position(rand), passageId: int(rand, -1, 50), style: pick(rand, ['pandoc', 'footnote', 'plain', 'x']) }, label),
    ask(client, pick(rand, [FindSourcesRequest.method, SearchClaimsRequest.method, CitationRequest.method, CheckMemoRequest.method, HoverRequest.method]), pick(rand, [null, 5, 'x', [], {}]), label),
  ]);
  await ask(client, CheckMemoRequest.method, { uri }, label);
  void client.notify(DidCloseTextDocumentNotification.type, td);
  counts.lastServerMb = serverMemoryMb(client);
  counts.peakServerMb = Math.max(counts.peakServerMb, counts.lastServerMb);
  if (!client.running) {
    counts.crashes++;
    fail(`${label}: the server exited: ${client.stderr.slice(-300)}`);
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const rand = seeded(seed);
  const base = mkdtempSync(path.join(tmpdir(), 'aipc-fuzz-'));
  console.log(`fuzz: seed ${seed}, ${rounds} rounds of ${filesPerRound} entries and a memo, in ${base}`);
  let client = await LspClient.start({ corpus: { folders: [], includeSeeds: false } });
  try {
    for (let round = 0; round < rounds && client.running; round++) {
      const { folder, files } = corpusFolder(rand, path.join(base, `r${round}`, 'corpus'), filesPerRound, hugeLine);
      counts.files += files;
      const memoText = text(rand, int(rand, 0, 60), rand() < 0.1 ? hugeLine : 0);
      const memoFile = path.join(base, `r${round}`, `memo-${round}${pick(rand, ['.md', '.txt', ' odd\nname.md'])}`);
      writeFileSync(memoFile, encode(rand, memoText, pick(rand, ENCODINGS)));
      counts.memos++;
      const seeds = rand() < 0.2 ? [] : ['--no-seeds'];
      await Promise.all([
        runCli(['check', ...seeds, '--corpus', folder, ...(rand() < 0.3 ? ['--corpus', path.join(folder, 'nope')] : []), memoFile], `round ${round} check`),
        runCli(['find-sources', ...seeds, '--corpus', folder, text(rand, 1).replace(/\0/g, '') || 'x'], `round ${round} find-sources`),
      ]);
      // The server gets the memo as an editor would: the bytes decoded leniently.
      await serverRound(client, rand, folder, new TextDecoder('utf-8').decode(readFileSync(memoFile)), round);
      if (!client.running) client = await LspClient.start({ corpus: { folders: [], includeSeeds: false } });
      rmSync(path.join(base, `r${round}`), { recursive: true, force: true });
    }
    if (counts.peakServerMb > MEMORY_LIMIT_MB) fail(`server memory peaked at ${counts.peakServerMb} MB (limit ${MEMORY_LIMIT_MB} MB)`);
  } finally {
    if (client.running) await client.shutdown();
    rmSync(base, { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `fuzz: ${counts.files} corpus entries and ${counts.memos} memos; ${counts.cliRuns} CLI runs, ${counts.lspRequests} LSP requests; ` +
      `${counts.crashes} crashes, ${counts.hangs} hangs; server memory peak ${counts.peakServerMb} MB, ${counts.lastServerMb} MB after the last round; ${seconds} s`,
  );
  const checks = counts.cliRuns + rounds;
  console.log(`fuzz: ${checks - failures.length} passed, ${failures.length} failed`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.log(`fuzz: the fuzz run itself failed: ${(e as Error)?.stack ?? e}`);
    console.log('fuzz: 0 passed, 1 failed');
    process.exit(1);
  },
);
