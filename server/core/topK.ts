// The best k of a stream of scored passages: a heap whose root is the worst kept, so that a search
// knows at once the score a passage must beat to get in.
import type { Hit } from './searchIndex';

export class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];

  constructor(readonly k: number) {}

  /** The k-th best score so far (a lower bound of the final k-th), 0 until k passages are kept. */
  get threshold(): number {
    return this.ids.length < this.k ? 0 : this.scores[0];
  }

  /** Keeps the passage if it is among the best k so far; of equal scores, the lower id ranks first. */
  offer(id: number, score: number): void {
    if (this.ids.length < this.k) {
      this.ids.push(id);
      this.scores.push(score);
      this.up(this.ids.length - 1);
    } else if (this.worse(0, score, id)) {
      this.ids[0] = id;
      this.scores[0] = score;
      this.down(0);
    }
  }

  /** The kept passages, best first (ties by id). */
  sorted(): Hit[] {
    return this.ids.map((id, i) => ({ id, score: this.scores[i] })).sort((a, b) => b.score - a.score || a.id - b.id);
  }

  /** Whether the entry at `i` ranks below a passage with `score` and `id`. */
  private worse(i: number, score: number, id: number): boolean {
    return this.scores[i] < score || (this.scores[i] === score && this.ids[i] > id);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, this.scores[parent], this.ids[parent])) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.ids.length;
    for (;;) {
      let worst = i;
      for (const c of [2 * i + 1, 2 * i + 2]) if (c < n && this.worse(c, this.scores[worst], this.ids[worst])) worst = c;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(a: number, b: number): void {
    [this.ids[a], this.ids[b]] = [this.ids[b], this.ids[a]];
    [this.scores[a], this.scores[b]] = [this.scores[b], this.scores[a]];
  }
}
