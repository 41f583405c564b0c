import fc from 'fast-check';
import { suppressTable } from './small-cell-suppression';
import { recoverSuppressed } from '../../test/support/suppression-attack';

const K = 5;
const labels = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);

describe('small-cell suppression', () => {
  it('hides a lone small cell together with complements so that subtraction recovers nothing', () => {
    // gender × outcome: one cell of 2 would be given away by its row and column totals.
    const counts = [
      [10, 12, 9, 2],
      [11, 14, 8, 15],
      [7, 6, 9, 10],
    ];
    const table = suppressTable(labels(3, 'g'), labels(4, 's'), counts, K);
    expect(table.cells[0][3]).toBeNull();
    const hiddenInRow0 = table.cells[0].filter((c) => c === null).length + (table.rowTotals[0] === null ? 1 : 0);
    const hiddenInCol3 = table.cells.filter((line) => line[3] === null).length + (table.columnTotals[3] === null ? 1 : 0);
    expect(hiddenInRow0).toBeGreaterThanOrEqual(2);
    expect(hiddenInCol3).toBeGreaterThanOrEqual(2);
    // The attacker's direct try: row total minus the other cells of the row.
    expect(recoverSuppressed(table)).toEqual([]);
    expect(table.grandTotal).toBe(counts.flat().reduce((a, b) => a + b, 0));
  });

  it('the attack itself works: it recovers a cell hidden without complements', () => {
    const naive = { rows: ['a', 'b'], columns: ['x', 'y'], cells: [[null, 10], [9, 11]], rowTotals: [12, 20], columnTotals: [11, 21], grandTotal: 32 };
    expect(recoverSuppressed(naive)).toEqual([{ at: [0, 0], value: 2 }]);
  });

  it('hides small margins too, and the whole table when its total is small', () => {
    const smallRow = suppressTable(['a', 'b', 'c'], ['x', 'y'], [[1, 1], [10, 10], [10, 12]], K);
    expect(smallRow.rowTotals[0]).toBeNull();
    expect(smallRow.cells[0]).toEqual([null, null]);
    expect(recoverSuppressed(smallRow)).toEqual([]);
    const tiny = suppressTable(['a'], ['x', 'y'], [[1, 2]], K);
    expect(tiny).toMatchObject({ cells: [[null, null]], rowTotals: [null], columnTotals: [null, null], grandTotal: null });
  });

  it('closes a cycle through a hidden entry that would otherwise be a bridge', () => {
    // Two 2×2 blocks of small cells joined by one small cell (row 1, column 2): every line hides
    // two or more cells, yet the sums of rows 0 and 1 minus columns 0 and 1 isolate the joining cell.
    const counts = [
      [1, 1, 20, 20],
      [1, 1, 2, 20],
      [20, 20, 1, 1],
      [20, 20, 1, 1],
    ];
    const table = suppressTable(labels(4, 'r'), labels(4, 'c'), counts, K);
    expect(recoverSuppressed(table)).toEqual([]);
  });

  it('property: no suppressed entry is ever recovered, published entries are true, and small cells never show', () => {
    const tables = fc
      .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 5 }) })
      .chain(({ rows, cols }) =>
        fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), { minLength: cols, maxLength: cols }), {
          minLength: rows,
          maxLength: rows,
        }),
      );
    fc.assert(
      fc.property(tables, fc.integer({ min: 2, max: 10 }), (counts, k) => {
        const R = counts.length;
        const C = counts[0].length;
        const table = suppressTable(labels(R, 'r'), labels(C, 'c'), counts, k);
        const rowTotals = counts.map((line) => line.reduce((a, b) => a + b, 0));
        const colTotals = counts[0].map((_, j) => counts.reduce((a, line) => a + line[j], 0));
        const shown = [
          ...counts.flatMap((line, i) => line.map((v, j) => [table.cells[i][j], v])),
          ...rowTotals.map((v, i) => [table.rowTotals[i], v]),
          ...colTotals.map((v, j) => [table.columnTotals[j], v]),
          [table.grandTotal, rowTotals.reduce((a, b) => a + b, 0)],
        ];
        for (const [published, truth] of shown) {
          if (published !== null) expect(published).toBe(truth);
          if (truth! > 0 && truth! < k) expect(published).toBeNull();
        }
        expect(recoverSuppressed(table)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
