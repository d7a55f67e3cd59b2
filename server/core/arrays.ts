// Appending one array to another without `push(...items)`, which passes every item as an argument
// and overflows the call stack past about 120,000 of them (one long line holds that many sentences).

/** Appends `items` to `target` in place and returns `target`. */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
