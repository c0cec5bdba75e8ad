// The gallery grid's geometry: how many columns fit, how big a tile is, where tile i sits.

export interface GridLayout {
  columns: number;
  tile: number;
  rowHeight: number;
  gap: number;
}

export const GRID = {
  minTile: 148,
  narrowMinTile: 112,
  gap: 12,
  caption: 28,
  padding: 16,
} as const;

/** Below this inner width, smaller tiles keep two or more columns rather than one huge one. */
const NARROW = 480;

export function gridLayout(width: number): GridLayout {
  const inner = Math.max(0, width - GRID.padding * 2);
  const min = inner < NARROW ? GRID.narrowMinTile : GRID.minTile;
  const columns = Math.max(1, Math.floor((inner + GRID.gap) / (min + GRID.gap)));
  const tile = Math.max(min / 2, (inner - GRID.gap * (columns - 1)) / columns);
  return { columns, tile, rowHeight: tile + GRID.caption + GRID.gap, gap: GRID.gap };
}

/** The ids on the given rows, for signing what is visible. */
export function idsOnRows(
  ids: readonly string[],
  columns: number,
  rows: readonly number[],
): string[] {
  const out: string[] = [];
  for (const row of rows) out.push(...ids.slice(row * columns, row * columns + columns));
  return out;
}
