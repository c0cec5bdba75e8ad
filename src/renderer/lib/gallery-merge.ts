// Keeps the loaded gallery list right when new images arrive: a fresh first page replaces the
// head, and loaded images further down stay (they rank below the whole head in the same sort).

interface HasId {
  id: string;
}

export function mergeHead<T extends HasId>(
  loaded: readonly T[],
  head: readonly T[],
  headIsEverything: boolean,
): T[] {
  if (headIsEverything || loaded.length <= head.length) return [...head];
  const inHead = new Set(head.map((item) => item.id));
  return [...head, ...loaded.filter((item) => !inHead.has(item.id))];
}

/** Appends a next page, dropping ids already shown (a page boundary can shift under inserts). */
export function appendPage<T extends HasId>(loaded: readonly T[], page: readonly T[]): T[] {
  const seen = new Set(loaded.map((item) => item.id));
  return [...loaded, ...page.filter((item) => !seen.has(item.id))];
}
