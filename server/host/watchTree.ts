// Watching a corpus folder for changes with one watch per folder, not per file. Node's recursive
// `fs.watch` on Linux watches every file (10,002 inotify watches for 10,000 files, against a
// default limit of 8,192 per user on many systems); a watch on a folder already reports the
// files created, changed or removed in it. A new subfolder is picked up by the re-index its
// creation triggers, which watches the tree again.
import { readdirSync, watch } from 'node:fs';
import * as path from 'node:path';
import { isIgnoredEntry } from '../core/sourceText';
import type { Logger } from '../core/types';

/** A watch on one folder; all the workspace does with it is stop it. */
export interface FolderWatch {
  close(): void;
}
/** A tree with more folders than this is watched only down to here; the log says so. */
const MAX_WATCHED_FOLDERS = 2000;

/** Watches `root` and its subfolders (hidden ones and node_modules left out); returns the watchers. */
export function watchTree(root: string, onChange: (file: string) => void, logger: Logger): FolderWatch[] {
  const watchers: FolderWatch[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    if (watchers.length >= MAX_WATCHED_FOLDERS) {
      logger.warn(`watching only the first ${MAX_WATCHED_FOLDERS} folders of ${root}; re-index by hand after changes deeper down`);
      break;
    }
    try {
      const w = watch(dir, (_event, file) => onChange(file ? path.join(dir, String(file)) : dir));
      w.on('error', (e) => logger.warn(`stopped watching ${dir}: ${e.message}`));
      watchers.push(w);
    } catch (e) {
      logger.warn(`cannot watch ${dir}: ${(e as Error).message}`);
      continue;
    }
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory() && !isIgnoredEntry(e.name)) stack.push(path.join(dir, e.name));
    }
  }
  return watchers;
}
