// Where the shipped files are. Both the bundles (dist/*.js) and the sources (server/*.ts) sit
// one folder below the extension root, so the same relative path works for both.
import * as path from 'node:path';

export const EXTENSION_ROOT = path.resolve(__dirname, '..');
export const SEEDS_FOLDER = path.join(EXTENSION_ROOT, 'seeds');
