// Which entries fuse.js certainly cannot match, found before it reads them. fuse.js's Bitap search
// accepts a match with `errors` edits only when errors / pattern length ≤ the threshold (with
// `ignoreLocation`, that ratio is the whole score), and each character of the pattern that the
// text does not contain at all costs an edit. So a text missing more than that share of the
// pattern's characters is never a match, and leaving it out of fuse.js's collection changes no
// result: the others keep their order, their scores and their ties. A Japanese passage that BM25
// found for `Mythos` through the entity's bridge token is such a text; reading it with Bitap cost
// as much as reading a near match.

/** fuse.js's longest pattern for one Bitap pass: a longer one is searched as chunks of this length. */
const MAX_BITS = 32;

interface Chunk {
  length: number;
  /** Each distinct UTF-16 unit of the chunk and how many times it occurs. */
  units: Array<[string, number]>;
}

export class FuzzyPrefilter {
  private readonly chunks: Chunk[];

  /** `pattern` as given to fuse.js's search; `threshold` its option (case-insensitive, no diacritics folding). */
  constructor(
    pattern: string,
    private readonly threshold: number,
  ) {
    const p = pattern.toLowerCase();
    // The chunks fuse.js's BitapSearch makes: whole 32-unit pieces, then the last 32 units.
    const pieces: string[] = [];
    if (p.length > MAX_BITS) {
      const end = p.length - (p.length % MAX_BITS);
      for (let i = 0; i < end; i += MAX_BITS) pieces.push(p.substr(i, MAX_BITS));
      if (p.length % MAX_BITS) pieces.push(p.substr(p.length - MAX_BITS));
    } else pieces.push(p);
    this.chunks = pieces.map((piece) => {
      const counts = new Map<string, number>();
      for (let i = 0; i < piece.length; i++) counts.set(piece[i], (counts.get(piece[i]) ?? 0) + 1);
      return { length: piece.length, units: [...counts] };
    });
  }

  /** False when fuse.js certainly finds no match of the pattern in `text`; true when it may. */
  mayMatch(text: string): boolean {
    const t = text.toLowerCase();
    for (const { length, units } of this.chunks) {
      let absent = 0;
      for (const [unit, count] of units) if (t.indexOf(unit) < 0) absent += count;
      if (absent / length <= this.threshold) return true;
    }
    return false;
  }
}
