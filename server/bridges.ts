// Cross-language bridges for retrieval: normalised facts (`6月12日` = `June 12`), entity ids
// (`商務省` = `Department of Commerce`); words cross through the dictionary at query time (core/dictionary). The entity catalog is the shipped one, extended by
// the user's entity files and by an `entities.json` beside the documents of any corpus folder.
import type { Annotator } from './core/corpus';
import { builtInCatalog, type EntityCatalog } from './core/entities';
import { factTokens } from './core/facts';
import type { Logger } from './core/types';
import { entityFiles, filesFingerprint, loadEntityFile } from './host/entityFiles';

export interface BridgeOptions {
  entityFiles: string[];
  folders: string[];
  logger: Logger;
}

export interface Bridges {
  entities: EntityCatalog;
  annotators: Annotator[];
  /** Changes when the entity files do: part of what a saved index must match (the built-in list is code). */
  fingerprint: string;
  /** The entity files read (the folders' and the named ones): what a worker thread needs to make the same annotators. */
  entityFiles: string[];
}


export function bridges(options: BridgeOptions): Bridges {
  const entities = builtInCatalog();
  const files = entityFiles(options.folders, options.entityFiles);
  for (const file of files) {
    try {
      entities.extend(loadEntityFile(file));
    } catch (e) {
      options.logger.warn(`ignored entity file: ${(e as Error).message}`);
    }
  }
  const entityTokens: Annotator = (text) => entities.findMentions(text).map((m) => '@' + m.entity.id);
  return { entities, annotators: [factTokens, entityTokens], fingerprint: filesFingerprint(files), entityFiles: files };
}
