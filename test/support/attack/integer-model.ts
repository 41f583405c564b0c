import loadHighs from 'highs';

type Highs = Awaited<ReturnType<typeof loadHighs>>;
type Solution = ReturnType<Highs['solve']>;
const primal = (result: Solution, id: string) => (result.Columns[id] as { Primal: number }).Primal;
let solver: Promise<Highs> | undefined;
/** HiGHS (compiled to WebAssembly), loaded once per test process. */
export function highs(): Promise<Highs> {
  solver ??= loadHighs();
  return solver;
}

/** A term: coefficient × variable. */
type Terms = Array<[number, string]>;
interface Constraint {
  terms: Terms;
  op: '=' | '<=' | '>=';
  rhs: number;
}

/**
 * An integer model of what a reader knows: non-negative integer unknowns, known values, and linear
 * relations. The attacker asks HiGHS for the least and greatest value of each unknown. Independent
 * parts of the model are solved apart, and every solution found is kept as a witness: an unknown
 * seen at two values is not pinned, which spares most solves.
 */
export class IntegerModel {
  private readonly known = new Map<string, number>();
  private readonly unknown = new Map<string, number>(); // name -> upper bound (Infinity if none)
  private readonly constraints: Constraint[] = [];

  /** A figure: published (a number) or withheld (null: an unknown, at most `upper`). */
  figure(name: string, value: number | null, upper = Number.POSITIVE_INFINITY): string {
    if (value === null) this.unknown.set(name, Math.min(upper, this.unknown.get(name) ?? Number.POSITIVE_INFINITY));
    else this.known.set(name, value);
    return name;
  }

  /** The published value of a figure, or undefined for an unknown. */
  valueOf(name: string): number | undefined {
    return this.known.get(name);
  }

  has(name: string): boolean {
    return this.known.has(name) || this.unknown.has(name);
  }

  relate(terms: Terms, op: Constraint['op'], rhs = 0): void {
    const unknownTerms: Terms = [];
    let constant = 0;
    for (const [coef, name] of terms) {
      if (this.known.has(name)) constant += coef * this.known.get(name)!;
      else if (this.unknown.has(name)) unknownTerms.push([coef, name]);
      else throw new Error(`attack model: ${name} was never declared`);
    }
    this.constraints.push({ terms: unknownTerms, op, rhs: rhs - constant });
  }

  equal(a: string, b: string): void {
    this.relate([[1, a], [-1, b]], '=');
  }

  unknowns(): string[] {
    return [...this.unknown.keys()];
  }

  /**
   * Least and greatest value of each of `targets` (all unknowns by default); throws if the published
   * figures contradict the model. With `k`, a target is solved only as far as needed to tell whether
   * it is pinned inside 1..k-1: once it shows two values, or a least value of 0 or of k or more, it
   * is answered with what was seen (its range then is not exact, its verdict is).
   */
  async ranges(targets = this.unknowns(), k?: number): Promise<Map<string, [number, number]>> {
    const h = await highs();
    const out = new Map<string, [number, number]>();
    for (const part of this.components()) {
      const wanted = targets.filter((t) => part.vars.has(t));
      if (wanted.length === 0) continue;
      const seen = new Map<string, Set<number>>();
      const record = (solution: Map<string, number>) => {
        for (const [name, v] of solution) (seen.get(name) ?? seen.set(name, new Set()).get(name)!).add(v);
      };
      // Witnesses first: the extremes of the sum of all unknowns (and of a weighted sum) resolve most at once.
      const all: Terms = [...part.vars].map((v) => [1, v]);
      const weighted: Terms = [...part.vars].map((v, i) => [1 + (i % 3), v]);
      for (const objective of [all, weighted]) for (const sense of ['Minimize', 'Maximize'] as const) record(this.solveFor(h, part, objective, sense).solution);
      for (const target of wanted) {
        if ((seen.get(target)?.size ?? 0) > 1 || (k !== undefined && seen.get(target)?.has(0))) {
          // Seen at two values: not pinned. The range is what the witnesses showed (a sub-range).
          out.set(target, [Math.min(...seen.get(target)!), Math.max(...seen.get(target)!)]);
          continue;
        }
        const lo = this.solve(h, part, target, 'Minimize');
        record(lo.solution);
        if (k !== undefined && (seen.get(target)!.size > 1 || lo.value < 1 || lo.value > k - 1)) {
          out.set(target, [lo.value, Math.max(...seen.get(target)!)]);
          continue;
        }
        const hi = this.solve(h, part, target, 'Maximize');
        record(hi.solution);
        out.set(target, [lo.value, hi.value]);
      }
    }
    return out;
  }

  private components(): Array<{ vars: Set<string>; constraints: Constraint[] }> {
    const parent = new Map([...this.unknown.keys()].map((v) => [v, v]));
    const find = (v: string): string => (parent.get(v) === v ? v : (parent.set(v, find(parent.get(v)!)), parent.get(v)!));
    for (const c of this.constraints) for (let i = 1; i < c.terms.length; i++) parent.set(find(c.terms[i][1]), find(c.terms[0][1]));
    const parts = new Map<string, { vars: Set<string>; constraints: Constraint[] }>();
    for (const v of this.unknown.keys()) {
      const root = find(v);
      if (!parts.has(root)) parts.set(root, { vars: new Set(), constraints: [] });
      parts.get(root)!.vars.add(v);
    }
    for (const c of this.constraints) {
      if (c.terms.length === 0) {
        const ok = c.op === '=' ? Math.abs(c.rhs) < 1e-9 : c.op === '<=' ? 0 <= c.rhs + 1e-9 : 0 >= c.rhs - 1e-9;
        if (!ok) throw new Error(`attack model: published figures break a relation (0 ${c.op} ${c.rhs})`);
        continue;
      }
      parts.get(find(c.terms[0][1]))!.constraints.push(c);
    }
    return [...parts.values()];
  }

  private solve(h: Highs, part: { vars: Set<string>; constraints: Constraint[] }, target: string, sense: 'Minimize' | 'Maximize') {
    return this.solveFor(h, part, [[1, target]], sense);
  }

  private solveFor(h: Highs, part: { vars: Set<string>; constraints: Constraint[] }, objective: Terms, sense: 'Minimize' | 'Maximize') {
    const ids = new Map([...part.vars].map((v, i) => [v, `x${i}`]));
    const expr = (terms: Terms) => terms.map(([c, v]) => `${c >= 0 ? '+' : '-'} ${Math.abs(c)} ${ids.get(v)}`).join(' ');
    const lines = [sense, ` obj: ${expr(objective)}`, 'Subject To'];
    part.constraints.forEach((c, i) => lines.push(` c${i}: ${expr(c.terms)} ${c.op} ${c.rhs}`));
    lines.push('Bounds');
    for (const v of part.vars) {
      const upper = this.unknown.get(v)!;
      lines.push(Number.isFinite(upper) ? ` 0 <= ${ids.get(v)} <= ${upper}` : ` ${ids.get(v)} >= 0`);
    }
    // The linear relaxation first: when its optimum is integral it is the integer optimum too
    // (relaxed least <= integer least <= this integral point), at a fraction of a MIP's cost.
    const relaxed = h.solve([...lines, 'End'].join('\n'), { output_flag: false });
    const integral = relaxed.Status === 'Optimal' && [...ids.values()].every((id) => Math.abs(primal(relaxed, id) - Math.round(primal(relaxed, id))) < 1e-7);
    const result = integral ? relaxed : h.solve([...lines, 'Generals', ` ${[...ids.values()].join(' ')}`, 'End'].join('\n'), { output_flag: false, mip_detect_symmetry: false });
    if (result.Status !== 'Optimal') throw new Error(`attack model: HiGHS answered ${result.Status} (${sense} ${expr(objective)})`);
    const solution = new Map([...ids].map(([name, id]) => [name, Math.round(primal(result, id))]));
    return { value: Math.round(result.ObjectiveValue), solution };
  }
}
