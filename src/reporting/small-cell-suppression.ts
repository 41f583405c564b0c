/**
 * Small-cell suppression of a two-way table of counts with its margins.
 *
 * The table and its margins are handled as one (R+1)×(C+1) grid whose last row and column hold the
 * totals. Every line of that grid (row or column) is one additive relation: its inner entries sum to
 * its margin entry. A hidden entry can be worked out from published figures exactly when it is the
 * only hidden entry of a line, or — more subtly — when, in the graph whose vertices are the grid's
 * lines and whose edges are the hidden entries, its edge is a bridge (on no cycle): summing the lines
 * on one side of the bridge isolates it. So after primary suppression (entries 1..k-1) we add
 * complementary suppressions, smallest positive entry first, until every line hides 0 or ≥2 entries
 * and no hidden entry is a bridge. With every hidden entry on a cycle of non-zero entries, each can
 * move by ±1 along its cycle and every published figure stays the same.
 */
export interface SuppressedTable {
  rows: string[];
  columns: string[];
  /** null where suppressed. */
  cells: Array<Array<number | null>>;
  rowTotals: Array<number | null>;
  columnTotals: Array<number | null>;
  grandTotal: number | null;
}

type Grid = number[][];
type Mask = boolean[][];

export function suppressTable(rows: string[], columns: string[], counts: number[][], k: number): SuppressedTable {
  const grid = extendedGrid(counts, rows.length, columns.length);
  const hidden = suppressionMask(grid, k);
  const R = rows.length;
  const C = columns.length;
  const shown = (i: number, j: number) => (hidden[i][j] ? null : grid[i][j]);
  return {
    rows,
    columns,
    cells: rows.map((_, i) => columns.map((__, j) => shown(i, j))),
    rowTotals: rows.map((_, i) => shown(i, C)),
    columnTotals: columns.map((_, j) => shown(R, j)),
    grandTotal: shown(R, C),
  };
}

export function extendedGrid(counts: number[][], R: number, C: number): Grid {
  const grid: Grid = Array.from({ length: R + 1 }, () => new Array<number>(C + 1).fill(0));
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      const v = counts[i][j];
      grid[i][j] = v;
      grid[i][C] += v;
      grid[R][j] += v;
      grid[R][C] += v;
    }
  }
  return grid;
}

/** Which entries of the extended grid to hide. */
export function suppressionMask(grid: Grid, k: number): Mask {
  const rows = grid.length;
  const cols = grid[0].length;
  const grand = grid[rows - 1][cols - 1];
  const everything = grand > 0 && grand < k;
  const hidden: Mask = grid.map((line) => line.map((v) => everything || (v > 0 && v < k)));
  if (everything) return hidden;
  for (;;) {
    if (fixLoneHiddenEntry(grid, hidden)) continue;
    if (fixBridge(grid, hidden)) continue;
    return hidden;
  }
}

function lines(rows: number, cols: number): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  for (let i = 0; i < rows; i++) out.push(Array.from({ length: cols }, (_, j) => [i, j] as [number, number]));
  for (let j = 0; j < cols; j++) out.push(Array.from({ length: rows }, (_, i) => [i, j] as [number, number]));
  return out;
}

/** A line hiding exactly one entry gives it away by subtraction: hide a second one. */
function fixLoneHiddenEntry(grid: Grid, hidden: Mask): boolean {
  for (const line of lines(grid.length, grid[0].length)) {
    if (line.filter(([i, j]) => hidden[i][j]).length !== 1) continue;
    const pick = smallest(grid, line.filter(([i, j]) => !hidden[i][j]));
    if (!pick) continue;
    hidden[pick[0]][pick[1]] = true;
    return true;
  }
  return false;
}

/** Prefers the smallest positive entry (hiding a zero protects nothing in one direction). */
function smallest(grid: Grid, candidates: Array<[number, number]>): [number, number] | undefined {
  const byValue = (a: [number, number], b: [number, number]) => grid[a[0]][a[1]] - grid[b[0]][b[1]];
  const positive = candidates.filter(([i, j]) => grid[i][j] > 0).sort(byValue);
  return positive[0] ?? [...candidates].sort(byValue)[0];
}

/** Vertices: rows 0..R-1, then columns as R+j. Edges: hidden entries. */
function hiddenEdges(hidden: Mask): Array<[number, number]> {
  const edges: Array<[number, number]> = [];
  hidden.forEach((line, i) => line.forEach((h, j) => h && edges.push([i, j])));
  return edges;
}

function component(hidden: Mask, without: [number, number], start: number): Set<number> {
  const R = hidden.length;
  const seen = new Set<number>([start]);
  const queue = [start];
  while (queue.length) {
    const v = queue.pop()!;
    const neighbours =
      v < R ? hidden[v].map((h, j) => (h && !(v === without[0] && j === without[1]) ? R + j : -1)) : hidden.map((line, i) => (line[v - R] && !(i === without[0] && v - R === without[1]) ? i : -1));
    for (const n of neighbours) {
      if (n >= 0 && !seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

/** A hidden entry on no cycle is determined by the others: close a cycle through it. */
function fixBridge(grid: Grid, hidden: Mask): boolean {
  const R = grid.length;
  for (const edge of hiddenEdges(hidden)) {
    const rowSide = component(hidden, edge, edge[0]);
    if (rowSide.has(R + edge[1])) continue;
    const colSide = component(hidden, edge, R + edge[1]);
    const candidates: Array<[number, number]> = [];
    for (const a of rowSide) {
      for (const b of colSide) {
        const [i, j] = a < R ? [a, b - R] : [b, a - R];
        if ((a < R) !== (b < R) && i >= 0 && j >= 0 && i < R && !hidden[i][j]) candidates.push([i, j]);
      }
    }
    const pick = smallest(grid, candidates);
    if (!pick) continue;
    hidden[pick[0]][pick[1]] = true;
    return true;
  }
  return false;
}
