// Diagnostics on open memos: contradicted claims (Warning, both values, a link to the passage),
// unsupported claims that name a tracked entity (Information) and citation keys nothing defines
// (Warning). This module is the only publisher of diagnostics for memos. Checks are debounced
// while typing, run in slices (one sentence, then the event loop) so that hovers and completions
// answer meanwhile, and stop when the memo changes again. A new index (Workspace.onIndexed) or new
// check settings re-check every open memo.
import { DiagnosticSeverity, ResponseError, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readBibliographyKeys } from '../host/bibliography';
import { checkMemo, countFindings, unknownCitationKeys, type CheckCounts, type MemoConflict, type MemoFinding } from '../core/check';
import { CheckMemoRequest } from '../protocol';
import { fileUri } from '../workspace';
import type { Feature, ServerContext } from './context';
import { isMemo, memoBibliography } from './memos';

export const DIAGNOSTIC_SOURCE = 'AI Policy Claims';
const DEBOUNCE_MS = 300;

/** What the code actions read back from a diagnostic. */
export type DiagnosticData =
  | { kind: 'contradicted'; claimValue: string; sourceValue: string; memoRange?: MemoConflict['memoRange']; passage: number }
  | { kind: 'unsupported' }
  | { kind: 'unknown-key'; key: string };

interface Run {
  version: number;
  cancelled: boolean;
}

class MemoChecker {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly runs = new Map<string, Run>();
  /** Memos whose check failed (no index yet, say): checked again once an index is ready. */
  private readonly failed = new Set<string>();

  constructor(private readonly ctx: ServerContext) {}

  private get checked() {
    return this.ctx.checked;
  }

  start(): void {
    const { documents, workspace } = this.ctx;
    documents.onDidOpen((e) => this.schedule(e.document.uri, 0));
    documents.onDidChangeContent((e) => this.schedule(e.document.uri, DEBOUNCE_MS));
    documents.onDidClose((e) => this.forget(e.document.uri));
    workspace.onIndexed(() => this.recheckWhenStale());
    this.ctx.onSettings(() => this.recheckWhenStale());
  }

  /** Checks a memo now (no debounce), publishes its diagnostics and returns the counts. */
  async checkNow(uri: string): Promise<CheckCounts> {
    const doc = this.ctx.documents.get(uri);
    if (!doc) throw new ResponseError(-32602, `not an open document: ${uri}`);
    clearTimeout(this.timers.get(uri));
    const findings = await this.run(doc);
    return countFindings(findings ?? this.checked.get(uri)?.findings ?? []);
  }

  private schedule(uri: string, delay: number): void {
    const doc = this.ctx.documents.get(uri);
    if (!doc || !isMemo(this.ctx, doc)) return;
    const running = this.runs.get(uri);
    if (running) running.cancelled = true;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const current = this.ctx.documents.get(uri);
        if (!current) return;
        void this.run(current).catch((e: Error) => {
          // Without an index every check fails the same way: said once, and checked again when one is ready.
          const noIndex = !this.ctx.workspace.peek();
          if (!noIndex || !this.failed.has(uri)) this.ctx.logger.error(`checking ${uri} failed: ${e.message}`);
          if (noIndex) this.failed.add(uri);
        });
      }, delay),
    );
  }

  private forget(uri: string): void {
    this.failed.delete(uri);
    clearTimeout(this.timers.get(uri));
    const running = this.runs.get(uri);
    if (running) running.cancelled = true;
    this.checked.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** One check of the memo as it is now; undefined when a newer edit cancelled it. */
  private async run(doc: TextDocument): Promise<MemoFinding[] | undefined> {
    const previous = this.runs.get(doc.uri);
    if (previous) previous.cancelled = true;
    const run: Run = { version: doc.version, cancelled: false };
    this.runs.set(doc.uri, run);
    const { corpus, bridges } = await this.ctx.workspace.indexed();
    const state = this.state();
    const text = doc.getText();
    const findings = await checkMemo(corpus, bridges.entities, text, {
      pause: () => new Promise((resolve) => setImmediate(resolve)),
      isCancelled: () => run.cancelled,
    });
    if (!findings || run.cancelled) return undefined;
    const known = new Set(corpus.documents.map((d) => d.catalog.key));
    const keysKnown = await this.bibliographyKeys(doc, known);
    if (run.cancelled) return undefined;
    this.runs.delete(doc.uri);
    this.checked.set(doc.uri, { version: run.version, findings, state });
    const diagnostics = this.diagnostics(findings);
    if (keysKnown && this.ctx.workspace.settings.checks.unknownCitationKeys) {
      for (const use of unknownCitationKeys(text, known)) {
        diagnostics.push({
          range: use.range,
          severity: DiagnosticSeverity.Warning,
          source: DIAGNOSTIC_SOURCE,
          code: 'unknown-key',
          message: `Unknown citation key @${use.key}: not a corpus document's key nor in the bibliography`,
          data: { kind: 'unknown-key', key: use.key } satisfies DiagnosticData,
        });
      }
    }
    await this.ctx.connection.sendDiagnostics({ uri: doc.uri, version: run.version, diagnostics });
    // A new index or new settings came while it ran (recheckWhenStale left it alone): again.
    if (state !== this.state() && this.ctx.workspace.status.state === 'ready') this.schedule(doc.uri, 0);
    return findings;
  }

  /** Adds the bibliography's keys to `known`; false when it cannot be read (keys are then not judged). */
  private async bibliographyKeys(doc: TextDocument, known: Set<string>): Promise<boolean> {
    const file = memoBibliography(this.ctx, doc);
    if (!file) return true;
    try {
      for (const key of await readBibliographyKeys(file)) known.add(key);
      return true;
    } catch (e) {
      this.ctx.logger.warn(`bibliography ${file} not read, citation keys not checked: ${(e as Error).message}`);
      return false;
    }
  }

  private diagnostics(findings: MemoFinding[]): Diagnostic[] {
    const checks = this.ctx.workspace.settings.checks;
    const out: Diagnostic[] = [];
    for (const f of findings) {
      if (f.verdict === 'contradicted' && checks.contradictions) out.push(...f.conflicts.map((c) => contradiction(f, c)));
      if (f.verdict === 'unsupported' && checks.unsupported && f.entities.length) {
        out.push({
          range: f.range,
          severity: DiagnosticSeverity.Information,
          source: DIAGNOSTIC_SOURCE,
          code: 'unsupported',
          message: `No source found for this claim about ${f.entities.join(', ')}: ${f.explanation}`,
          data: { kind: 'unsupported' } satisfies DiagnosticData,
        });
      }
    }
    return out;
  }

  /** The index generation and the settings a check depends on. */
  private state(): string {
    const { workspace } = this.ctx;
    return JSON.stringify([workspace.status.generation, workspace.settings.checks, workspace.settings.citation.bibliography]);
  }

  /** Open memos checked against an older index or other check settings are checked again. */
  private recheckWhenStale(): void {
    if (this.ctx.workspace.status.state !== 'ready') return;
    for (const uri of this.failed) if (!this.timers.has(uri)) this.schedule(uri, 0);
    this.failed.clear();
    const state = this.state();
    for (const [uri, checked] of this.checked) {
      const running = this.runs.get(uri);
      if (checked.state !== state && !this.timers.has(uri) && (!running || running.cancelled)) this.schedule(uri, 0);
    }
  }
}

/** One diagnostic per conflicting value, on the memo's value (else the whole sentence). */
function contradiction(f: MemoFinding, c: MemoConflict): Diagnostic {
  const quote = c.source.text.length > 200 ? c.source.text.slice(0, 199) + '…' : c.source.text;
  return {
    range: c.memoRange ?? f.range,
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: 'contradicted',
    message: `Contradicted (${c.kind}): the memo says ${c.claimValue}, the source says ${c.sourceValue} — ${c.source.doc}:${c.sourceRange.start.line + 1} (${c.source.role})`,
    relatedInformation: [{ location: { uri: fileUri(c.source.path), range: c.sourceRange }, message: `${c.source.title}: “${quote}”` }],
    data: { kind: 'contradicted', claimValue: c.claimValue, sourceValue: c.sourceValue, passage: c.passage, ...(c.memoRange ? { memoRange: c.memoRange } : {}) } satisfies DiagnosticData,
  };
}

export const diagnosticsFeature: Feature = {
  capabilities: {},
  register(ctx) {
    const checker = new MemoChecker(ctx);
    checker.start();
    ctx.connection.onRequest(CheckMemoRequest, (params) => checker.checkNow(params.uri));
  },
};
