// Folding text for matching — NFKC (width and compatibility forms), lower case unless the caller
// keeps case, invisible format characters dropped when asked — with a map from every folded unit
// back to the original offset, so that a match in folded text is an exact range of the original.
// Entity mentions and fact patterns both fold this way; tokens and lookups use plain `fold`.

/** Fold width, compatibility forms and case: `Ｆａｂｌｅ５` → `fable5`. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export interface FoldOptions {
  /** Keep case (the fact patterns: `May` the month and `may` the verb differ). */
  keepCase?: boolean;
  /** Drop invisible format characters (Unicode Cf), so that `June\u200b 30` reads as June 30. */
  dropFormat?: boolean;
}

export interface FoldedText {
  folded: string;
  /** Original offset of each folded unit, plus the original length at the end; absent = identity. */
  map?: number[];
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;
const FORMAT_CHARACTER = /\p{Cf}/u;

// Per-character `normalize` calls are what makes folding slow (~8 M chars/s), and texts repeat the
// same few thousand characters, so every way of folding memoises its pieces. Per BMP unit, the
// table holds the single unit it folds to, or -1 when it folds to several (`㍻`, `ﬁ`) or none, or
// is a surrogate; 0 = not computed yet.
interface Mode {
  lower: boolean;
  dropFormat: boolean;
  units: Int32Array;
  pieces: Map<number, string>;
}

const modes = new Map<number, Mode>();

function modeOf(options: FoldOptions): Mode {
  const key = (options.keepCase ? 0 : 1) | (options.dropFormat ? 2 : 0);
  let mode = modes.get(key);
  if (!mode) {
    mode = { lower: !options.keepCase, dropFormat: !!options.dropFormat, units: new Int32Array(0x10000), pieces: new Map() };
    modes.set(key, mode);
  }
  return mode;
}

function pieceOf(cp: number, mode: Mode): string {
  let piece = mode.pieces.get(cp);
  if (piece === undefined) {
    const char = String.fromCodePoint(cp);
    if (mode.dropFormat && FORMAT_CHARACTER.test(char)) piece = '';
    else {
      const nfkc = char.normalize('NFKC');
      piece = mode.lower ? nfkc.toLowerCase() : nfkc;
    }
    mode.pieces.set(cp, piece);
  }
  return piece;
}

function foldedUnit(c: number, mode: Mode): number {
  let f = mode.units[c];
  if (f === 0) {
    const piece = c >= 0xd800 && c <= 0xdfff ? '' : pieceOf(c, mode);
    f = piece.length === 1 ? piece.charCodeAt(0) : -1;
    mode.units[c] = f;
  }
  return f;
}

export function foldWithMap(text: string, options: FoldOptions = {}): FoldedText {
  const mode = modeOf(options);
  if (ASCII_ONLY.test(text)) return { folded: mode.lower ? text.toLowerCase() : text };
  // Usual case: every unit folds to exactly one unit. Then folding the whole string natively
  // gives the same units at the same offsets, unless it composed a sequence (`か`+`゙`), which
  // shortens it: the length check catches that and falls back to folding unit by unit.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && foldedUnit(c, mode) < 0) return foldSlowly(text, mode);
  }
  const nfkc = text.normalize('NFKC');
  const folded = mode.lower ? nfkc.toLowerCase() : nfkc;
  return folded.length === text.length ? { folded } : foldSlowly(text, mode);
}

/** Fold code point by code point, keeping the original offset of every folded unit. */
function foldSlowly(text: string, mode: Mode): FoldedText {
  const parts: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const piece = cp < 0x80 ? (mode.lower ? text[i].toLowerCase() : text[i]) : pieceOf(cp, mode);
    for (let k = 0; k < piece.length; k++) map.push(i);
    parts.push(piece);
    i += cp > 0xffff ? 2 : 1;
  }
  map.push(text.length);
  return { folded: parts.join(''), map };
}

/** The original offset of folded offset `index`. */
export function originOf(t: FoldedText, index: number): number {
  return t.map ? t.map[index] : index;
}

/** The map written out, identity included (for callers that index it directly). */
export function fullMap(t: FoldedText): number[] {
  if (t.map) return t.map;
  // A plain loop: `Array.from` with a mapper is ten times slower here.
  const map = new Array<number>(t.folded.length + 1);
  for (let i = 0; i <= t.folded.length; i++) map[i] = i;
  return map;
}
