// The LSP client of the protocol tests: starts the real server (dist/server.js) over stdio and
// speaks JSON-RPC to it through vscode-jsonrpc, with the method names and types of
// server/protocol.ts and vscode-languageserver-protocol. Tests wait for the server's index-status
// notification, never sleep.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type Message,
  type MessageConnection,
  type MessageReader,
  type NotificationType,
  type RequestType,
  type ResponseMessage,
} from 'vscode-jsonrpc/node';
import {
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { IndexStatusNotification, type IndexStatus } from '../../server/protocol';
import { ROOT } from '../helpers';

/** The server's hovers are Markdown. */
export type MarkdownHover = (Hover & { contents: MarkupContent }) | null;

let storageDir: string | undefined;

function testStorageDir(): string {
  storageDir ??= mkdtempSync(path.join(tmpdir(), 'aipc-lsp-storage-'));
  return storageDir;
}

type Answer = { result: unknown } | { error: { code: number; message: string } };
type Handler = (params: unknown) => void;

export class LspClient {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly connection: MessageConnection;
  private readonly writer: StreamMessageWriter;
  private readonly listeners = new Map<string, Handler[]>();
  private readonly serverRequests = new Map<string, (params: unknown) => unknown>();
  private readonly rawAnswers = new Map<string, (message: ResponseMessage) => void>();
  private nextRawId = 1;
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  stderr = '';
  /** How `workspace/configuration` pulls are answered; tests replace it to send errors or garbage. */
  answerConfiguration: () => Answer = () => ({ result: [this.settings] });

  /** Sends a typed request (or, for hostile params, a request by its method name). */
  readonly request: MessageConnection['sendRequest'];
  readonly notify: MessageConnection['sendNotification'];

  constructor(
    private readonly settings: Record<string, unknown> = {},
    serverPath = path.join(ROOT, 'dist', 'server.js'),
  ) {
    this.proc = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.writer = new StreamMessageWriter(this.proc.stdin);
    this.connection = createMessageConnection(this.keepingRawAnswers(new StreamMessageReader(this.proc.stdout)), this.writer);
    this.connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
      for (const h of this.listeners.get(method) ?? []) h(params);
    });
    this.connection.onRequest((method, params) => {
      if (method === ConfigurationRequest.method) {
        const answer = this.answerConfiguration();
        return 'error' in answer ? new ResponseError(answer.error.code, answer.error.message) : answer.result;
      }
      return this.serverRequests.get(method)?.(params) ?? null;
    });
    // A server that exits mid-test rejects the pending requests; the test says what it expected.
    this.connection.onError(() => undefined);
    this.connection.listen();
    this.request = this.connection.sendRequest.bind(this.connection);
    this.notify = this.connection.sendNotification.bind(this.connection);
  }

  static async start(settings: Record<string, unknown> = {}, rootPath?: string, initializationOptions: Record<string, unknown> = {}): Promise<LspClient> {
    const client = new LspClient(settings);
    await client.request(InitializeRequest.type, {
      processId: process.pid,
      rootUri: rootPath ? pathToFileURL(rootPath).toString() : null,
      workspaceFolders: rootPath ? [{ uri: pathToFileURL(rootPath).toString(), name: 'ws' }] : null,
      capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
      // A saved-index folder of this test process: the first server builds and saves, later ones load.
      initializationOptions: { settings, storageDir: testStorageDir(), ...initializationOptions },
    });
    await client.notify(InitializedNotification.type, {});
    return client;
  }

  /** Resolves with the first `ready` index status at or above `generation`. */
  async indexed(generation = 1, timeoutMs = 30_000): Promise<IndexStatus> {
    const ready = (s: IndexStatus) => s.state === 'ready' && s.generation >= generation;
    const seen = this.notifications.find((n) => n.method === IndexStatusNotification.method && ready(n.params as IndexStatus));
    if (seen) return seen.params as IndexStatus;
    return this.waitFor(IndexStatusNotification, ready, timeoutMs);
  }

  /** Resolves with the params of the next notification of this type that `predicate` accepts. */
  waitFor<P>(type: NotificationType<P>, predicate: (params: P) => boolean = () => true, timeoutMs = 30_000): Promise<P> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${type.method}; stderr: ${this.stderr}`)), timeoutMs);
      const handler: Handler = (params) => {
        if (!predicate(params as P)) return;
        clearTimeout(timer);
        this.listeners.set(type.method, (this.listeners.get(type.method) ?? []).filter((h) => h !== handler));
        resolve(params as P);
      };
      this.listeners.set(type.method, [...(this.listeners.get(type.method) ?? []), handler]);
    });
  }

  /** The notifications of this type received so far. */
  received<P>(type: NotificationType<P>): P[] {
    return this.notifications.filter((n) => n.method === type.method).map((n) => n.params as P);
  }

  /** Answers the server's requests of this type (instead of `null`) until the returned function is called. */
  answer<P, R>(type: RequestType<P, R, unknown>, handler: (params: P) => R): () => void {
    this.serverRequests.set(type.method, handler as (params: unknown) => unknown);
    return () => this.serverRequests.delete(type.method);
  }

  open(uri: string, text: string, languageId = 'markdown'): void {
    void this.notify(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /**
   * A request with params no conforming client sends (`null`, a number: vscode-jsonrpc wraps those
   * in an array), written to the wire as it is; rejects with the server's error as the typed path does.
   */
  rawRequest(method: string, params: unknown): Promise<unknown> {
    const id = `raw-${this.nextRawId++}`;
    const answered = new Promise<unknown>((resolve, reject) =>
      this.rawAnswers.set(id, (m) => (m.error ? reject(new ResponseError(m.error.code, m.error.message)) : resolve(m.result))),
    );
    void this.writer.write({ jsonrpc: '2.0', id, method, params } as Message);
    return answered;
  }

  /** A notification with params as they are (see rawRequest). */
  rawNotify(method: string, params: unknown): void {
    void this.writer.write({ jsonrpc: '2.0', method, params } as Message);
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
    await this.request(ShutdownRequest.type);
    await this.notify(ExitNotification.type);
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      this.proc.once('exit', () => resolve());
    });
    this.connection.dispose();
  }

  /** Passes the connection every message but the answers to raw requests, which are ours. */
  private keepingRawAnswers(reader: MessageReader): MessageReader {
    return {
      onError: reader.onError,
      onClose: reader.onClose,
      onPartialMessage: reader.onPartialMessage,
      dispose: () => reader.dispose(),
      listen: (callback) =>
        reader.listen((message) => {
          const id = (message as ResponseMessage).id;
          const raw = typeof id === 'string' ? this.rawAnswers.get(id) : undefined;
          if (!raw) return callback(message);
          this.rawAnswers.delete(id as string);
          raw(message as ResponseMessage);
        }),
    };
  }
}
