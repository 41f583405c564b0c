import type { SuppressedTable } from '../../src/reporting/small-cell-suppression';

/**
 * An attacker holding a published table with its margins tries to recover suppressed entries,
 * by linear algebra (Gaussian elimination over every row/column relation) and by bound
 * propagation with non-negativity. Answers the [row, column] positions (in the grid that includes
 * the margins as last row and column) of every suppressed entry recovered exactly, with its value.
 */
export function recoverSuppressed(table: SuppressedTable): Array<{ at: [number, number]; value: number }> {
  const grid = publishedGrid(table);
  const unknowns: Array<[number, number]> = [];
  grid.forEach((line, i) => line.forEach((v, j) => v === null && unknowns.push([i, j])));
  const equations = relations(grid, unknowns);
  const recovered = new Map<number, number>();
  for (const [u, value] of linearlyDetermined(equations, unknowns.length)) recovered.set(u, value);
  for (const [u, value] of boundsPinned(equations, unknowns, grid)) recovered.set(u, value);
  return [...recovered].map(([u, value]) => ({ at: unknowns[u], value }));
}

type Cell = number | null;

function publishedGrid(t: SuppressedTable): Cell[][] {
  const rows: Cell[][] = t.cells.map((line, i) => [...line, t.rowTotals[i]]);
  rows.push([...t.columnTotals, t.grandTotal]);
  return rows;
}

/** Each line: sum(inner) - margin = 0, as coefficients over unknowns and a right-hand side. */
interface Equation {
  coef: Map<number, number>;
  rhs: number;
}

function relations(grid: Cell[][], unknowns: Array<[number, number]>): Equation[] {
  const index = new Map(unknowns.map(([i, j], u) => [`${i},${j}`, u]));
  const R = grid.length - 1;
  const C = grid[0].length - 1;
  const lines: Array<Array<[number, number, number]>> = [];
  for (let i = 0; i <= R; i++) lines.push(Array.from({ length: C + 1 }, (_, j) => [i, j, j === C ? -1 : 1]));
  for (let j = 0; j <= C; j++) lines.push(Array.from({ length: R + 1 }, (_, i) => [i, j, i === R ? -1 : 1]));
  return lines.map((line) => {
    const coef = new Map<number, number>();
    let rhs = 0;
    for (const [i, j, sign] of line) {
      const u = index.get(`${i},${j}`);
      if (u === undefined) rhs -= sign * (grid[i][j] as number);
      else coef.set(u, sign);
    }
    return { coef, rhs };
  });
}

function linearlyDetermined(equations: Equation[], n: number): Map<number, number> {
  const m = equations.map((e) => [...Array.from({ length: n }, (_, u) => e.coef.get(u) ?? 0), e.rhs]);
  let row = 0;
  const pivots: number[] = [];
  for (let col = 0; col < n && row < m.length; col++) {
    const p = m.findIndex((r, idx) => idx >= row && Math.abs(r[col]) > 1e-9);
    if (p < 0) continue;
    [m[row], m[p]] = [m[p], m[row]];
    const pv = m[row][col];
    m[row] = m[row].map((x) => x / pv);
    for (let r = 0; r < m.length; r++) {
      if (r !== row && Math.abs(m[r][col]) > 1e-9) {
        const f = m[r][col];
        m[r] = m[r].map((x, c) => x - f * m[row][c]);
      }
    }
    pivots.push(col);
    row++;
  }
  const out = new Map<number, number>();
  pivots.forEach((col, r) => {
    const others = m[r].slice(0, n).some((x, c) => c !== col && Math.abs(x) > 1e-9);
    if (!others) out.set(col, Math.round(m[r][n]));
  });
  return out;
}

function boundsPinned(equations: Equation[], unknowns: Array<[number, number]>, grid: Cell[][]): Map<number, number> {
  const R = grid.length - 1;
  const C = grid[0].length - 1;
  // Every count, inner or margin, lies between 0 and the grand total (when published).
  // Unknowns as their true-sign magnitudes: every count, inner or margin, is >= 0.
  const lo = unknowns.map(() => 0);
  const hi = unknowns.map(() => Number.POSITIVE_INFINITY);
  const grand = grid[R][C];
  if (grand !== null) hi.fill(grand);
  for (let round = 0; round < 50; round++) {
    let changed = false;
    for (const e of equations) {
      // sum(coef * x) = rhs, coef ±1, x >= 0
      for (const [u, cu] of e.coef) {
        let minRest = 0;
        let maxRest = 0;
        for (const [v, cv] of e.coef) {
          if (v === u) continue;
          minRest += cv > 0 ? cv * lo[v] : cv * hi[v];
          maxRest += cv > 0 ? cv * hi[v] : cv * lo[v];
        }
        const a = (e.rhs - maxRest) / cu;
        const b = (e.rhs - minRest) / cu;
        const [newLo, newHi] = [Math.max(lo[u], Math.min(a, b)), Math.min(hi[u], Math.max(a, b))];
        if (newLo > lo[u] + 1e-9 || newHi < hi[u] - 1e-9) {
          lo[u] = newLo;
          hi[u] = newHi;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  const out = new Map<number, number>();
  unknowns.forEach((_, u) => {
    if (Number.isFinite(hi[u]) && Math.abs(hi[u] - lo[u]) < 1e-9) out.set(u, Math.round(lo[u]));
  });
  return out;
}
