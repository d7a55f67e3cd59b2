// Where the saved index lives and what it must match. The CLI keeps it under the user's cache
// directory; the server in the extension's storage (passed by the client), else the same cache
// directory. One file per set of folders; its fingerprint covers the code that tokenised it (the
// running bundle, which holds the built-in entities, the lexicon and the tokenizer) and the
// entity files, so an upgrade or an edited entities.json rebuilds instead of answering from
// stale tokens. Anything else the tokens come to depend on must join the fingerprint here.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import type { Bridges } from '../bridges';
import type { IndexCache } from './openCorpus';

export const INDEX_DIR_ENV = 'AIPC_INDEX_DIR';

/** `$AIPC_INDEX_DIR`, else `$XDG_CACHE_HOME/ai-policy-claims`, else `~/.cache/ai-policy-claims`. */
export function defaultIndexDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env[INDEX_DIR_ENV]) return path.resolve(env[INDEX_DIR_ENV]!);
  const cache = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(homedir(), '.cache');
  return path.join(cache, 'ai-policy-claims');
}

let codeHash: string | undefined;

/** A hash of the running bundle: a rebuilt or upgraded tool never trusts an index it did not make. */
function codeFingerprint(): string {
  if (!codeHash) {
    try {
      codeHash = createHash('sha1').update(readFileSync(__filename)).digest('hex');
    } catch {
      codeHash = 'unknown';
    }
  }
  return codeHash;
}

/** The saved index of these folders (already resolved, in corpus order) in `dir`. */
export function indexCache(dir: string, folders: string[], b: Bridges): IndexCache {
  const name = createHash('sha1').update(folders.join('\0')).digest('hex').slice(0, 16);
  const fingerprint = createHash('sha1').update([codeFingerprint(), b.fingerprint, ...folders].join('\0')).digest('hex');
  return { file: path.join(dir, `index-${name}.aipc`), fingerprint };
}
