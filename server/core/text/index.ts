// The text layer: what every part of the core (and the client's Find Sources) needs to agree on
// about text — how it folds, where lines and sentences end, which language it is in, and how
// roles and kinds are named.
export { fold, foldWithMap, fullMap, originOf, type FoldedText, type FoldOptions } from './fold';
export { detectLang } from './lang';
export { LineIndex, positionAfter, splitLines } from './lines';
export { citationOffset, SENTENCE_END, splitSentences, type Span } from './sentences';
export { editDistance } from './distance';
export { KIND_LABELS, LANGUAGE_NAMES, ROLE_LABELS, roleNote, type RoleLabel } from './labels';
