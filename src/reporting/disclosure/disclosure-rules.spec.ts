import fc from 'fast-check';
import { NOT_GIVEN, OTHER, recodeCategories } from './category-recoding';
import { cellRange, disclosedCells, stageColumnsToWithhold } from './stage-column-suppression';

describe('global recoding', () => {
  it('merges categories under k into "other", and the smallest others while "other" is small', () => {
    const r = recodeCategories(new Map([['Belize', 9], ['Cayo', 6], ['Toledo', 2], [NOT_GIVEN, 1], ['Corozal', 5]]), 5);
    // Toledo (2) and not given (1) make "other" 3 < 5: Corozal, the smallest left, joins it.
    expect(r.rows).toEqual(['Belize', 'Cayo', OTHER]);
    expect(r.rowOf.get('Corozal')).toBe(OTHER);
    expect(r.merged).toBe(3);
  });

  it('keeps "not given" as a row of its own when k or more trainees gave nothing', () => {
    expect(recodeCategories(new Map([['female', 7], [NOT_GIVEN, 5], ['male', 6]]), 5).rows).toEqual(['female', 'male', NOT_GIVEN]);
  });
});

describe('whole stage columns withheld by their Fréchet bounds', () => {
  it('hides the issue\'s lone certified trainee together with another stage', () => {
    // Rows: categories of at least k; the certified column totals 1, as the funnel publishes.
    const counts = [
      [2, 5, 0, 1],
      [3, 6, 0, 0],
    ];
    const withheld = stageColumnsToWithhold(counts, 5);
    expect(withheld.has(3)).toBe(true);
    expect(withheld.size).toBeGreaterThanOrEqual(2);
    expect(disclosedCells(counts, withheld, 5)).toBe(0);
  });

  it('the bounds of a cell of a two-way table with fixed margins', () => {
    expect(cellRange(5, 1, 11)).toEqual([0, 1]);
    expect(cellRange(9, 4, 10)).toEqual([3, 4]);
  });

  it('property: with two or more rows of at least k, no withheld cell has a range inside 1..k-1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }).chain((k) =>
          fc.tuple(fc.constant(k), fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 7 })),
        ),
        ([k, rows]) => {
          const counts = rows.filter((r) => r.reduce((a, b) => a + b, 0) >= k);
          fc.pre(counts.length >= 2);
          const withheld = stageColumnsToWithhold(counts, k);
          expect(disclosedCells(counts, withheld, k)).toBe(0);
          for (let j = 0; j < 4; j++) if (counts.some((r) => r[j] > 0 && r[j] < k)) expect(withheld.has(j)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
