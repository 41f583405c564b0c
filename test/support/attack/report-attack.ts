import { IntegerModel } from './integer-model';

const STAGES = ['withdrawn', 'active', 'completed', 'certified'];
const ENROLLMENT_COUNTS = ['active', 'withdrawn', 'completed', 'certified', 'atRisk'];

export interface Disclosure {
  figure: string;
  kind: 'pinned' | 'group';
  value: number;
}

export interface AttackResult {
  disclosures: Disclosure[];
  /** The range found for each withheld count (exact when exhaustive). */
  ranges: Map<string, [number, number]>;
  /** How many withheld counts the attacker solved for. */
  unknowns: number;
}

/** What an attacker may know besides the report: which skills each assessment evidences (the public catalogue). */
export interface AttackerKnowledge {
  skillsOf?: Map<string, string[]>;
}

/**
 * The attacker of issue 17: holds the whole published cohort report (JSON) and solves for every
 * withheld count by integer linear programming, with every relation a reader can know: each table's
 * cells against its row and column totals; the tables' stage totals against the funnel; course and
 * track groups adding up to the cohort; counts inside their group (certified <= completed, at risk
 * <= active, passed <= attempted, attained <= trainees...); one assessment's figures equal in every
 * scope; a skill attained by at least the passers of each assessment evidencing it; the last week of
 * activity equal to the cohort's weekly actives; non-negativity and integrality. A withheld count
 * whose least and greatest values are one number in 1..k-1 is disclosed; so is a published group of
 * fewer than k trainees whose members must all share one stage.
 */
export async function attackCohortReport(report: any, knowledge: AttackerKnowledge = {}, options: { exhaustive?: boolean } = {}): Promise<AttackResult> {
  const k: number = report.minCellSize;
  const m = new IntegerModel();
  const cap = Math.max(report.funnel.enrolled, report.overall.enrolled, report.applicants, 1);
  const funnel = report.funnel;
  const stage = STAGES.map((s) => m.figure(`stage.${s}`, null, cap));
  m.relate(stage.map((v) => [1, v] as [number, string]), '=', funnel.enrolled);
  if (funnel.completed !== null) m.relate([[1, 'stage.completed'], [1, 'stage.certified']], '=', funnel.completed);
  if (funnel.certified !== null) m.relate([[1, 'stage.certified']], '=', funnel.certified);
  const groups: Array<{ name: string; size: number; parts: string[] }> = [];
  for (const [dimension, t] of Object.entries<any>(report.disaggregation)) tableModel(m, dimension, t, cap, groups);
  const scopes = scopeList(report);
  for (const s of scopes) scopeModel(m, s.name, s.figures, cap, knowledge);
  levelRelations(m, report, scopes);
  const o = report.overall;
  if (o.trainees === o.enrolled) {
    // One enrollment each: the trainees' stages are the enrollments' statuses.
    m.relate([[1, 'stage.withdrawn'], [-1, 'overall.withdrawn']], '=');
    m.relate([[1, 'stage.active'], [-1, 'overall.active']], '=');
    m.relate([[1, 'stage.completed'], [1, 'stage.certified'], [-1, 'overall.completed']], '=');
    m.relate([[1, 'stage.certified'], [-1, 'overall.certified']], '=');
  }
  report.weeklyActivity.forEach((w: any, i: number) => m.figure(`week.${i}`, w.activeTrainees, cap));
  m.equal(`week.${report.weeklyActivity.length - 1}`, 'overall.weeklyActiveTrainees');
  for (const s of scopes) groups.push({ name: s.name, size: s.figures.enrolled, parts: ['active', 'withdrawn', 'completed'].map((x) => `${s.name}.${x}`) });

  const counts = m.unknowns().filter((u) => !u.startsWith('stage.') || funnel.completed === null);
  // Exhaustive: the least and greatest value of every withheld count; otherwise only as far as the verdict needs.
  const ranges = await m.ranges(counts, options.exhaustive ? undefined : k);
  const disclosures: Disclosure[] = [];
  for (const [figure, [lo, hi]] of ranges) if (lo === hi && lo >= 1 && lo <= k - 1) disclosures.push({ figure, kind: 'pinned', value: lo });
  for (const g of groups.filter((x) => x.size > 0 && x.size < k)) {
    for (const part of g.parts) {
      const lo = m.valueOf(part) ?? ranges.get(part)?.[0] ?? (await m.ranges([part])).get(part)![0];
      if (lo === g.size) disclosures.push({ figure: `${g.name} (all ${part.split('.').pop()})`, kind: 'group', value: g.size });
    }
  }
  return { disclosures, ranges, unknowns: counts.length };
}

function tableModel(m: IntegerModel, dimension: string, t: any, cap: number, groups: Array<{ name: string; size: number; parts: string[] }>): void {
  t.columnTotals.forEach((v: number | null, j: number) => {
    m.figure(`by.${dimension}.total.${j}`, v, cap);
    m.equal(`by.${dimension}.total.${j}`, `stage.${STAGES[j]}`);
  });
  t.rows.forEach((category: string, i: number) => {
    const cells = STAGES.map((_, j) => m.figure(`by.${dimension}.${category}.${STAGES[j]}`, t.cells[i][j], cap));
    m.relate(cells.map((c) => [1, c] as [number, string]), '=', t.rowTotals[i]);
    groups.push({ name: `by.${dimension}.${category}`, size: t.rowTotals[i], parts: cells });
  });
  STAGES.forEach((_, j) => {
    if (t.rows.length === 0) return;
    const column = t.rows.map((c: string) => [1, `by.${dimension}.${c}.${STAGES[j]}`] as [number, string]);
    m.relate([...column, [-1, `by.${dimension}.total.${j}`]], '=');
  });
}

interface Scope {
  name: string;
  figures: any;
  /** The course versions it counts. */
  versions: string[];
  level: 'overall' | 'courses' | 'tracks';
}

function scopeList(report: any): Scope[] {
  const versionsOfTrack = (track: string) => report.courses.filter((c: any) => c.trackCode === track).map((c: any) => c.versionId);
  const scopes: Scope[] = [{ name: 'overall', figures: report.overall, versions: report.courses.map((c: any) => c.versionId), level: 'overall' }];
  for (const c of report.courses) if (c.figures) scopes.push({ name: `course.${c.versionId}`, figures: c.figures, versions: [c.versionId], level: 'courses' });
  if (report.otherCourses) scopes.push({ name: 'course.other', figures: report.otherCourses.figures, versions: report.otherCourses.versionIds, level: 'courses' });
  for (const t of report.tracks) if (t.figures) scopes.push({ name: `track.${t.trackCode}`, figures: t.figures, versions: versionsOfTrack(t.trackCode), level: 'tracks' });
  if (report.otherTracks) scopes.push({ name: 'track.other', figures: report.otherTracks.figures, versions: report.otherTracks.trackCodes.flatMap(versionsOfTrack), level: 'tracks' });
  return scopes;
}

function scopeModel(m: IntegerModel, name: string, f: any, cap: number, knowledge: AttackerKnowledge): void {
  const v = (metric: string, value: number | null) => m.figure(`${name}.${metric}`, value, cap);
  v('trainees', f.trainees);
  v('enrolled', f.enrolled);
  for (const metric of [...ENROLLMENT_COUNTS, 'weeklyActiveTrainees']) v(metric, f[metric]);
  m.relate([[1, `${name}.active`], [1, `${name}.withdrawn`], [1, `${name}.completed`], [-1, `${name}.enrolled`]], '=');
  m.relate([[1, `${name}.certified`], [-1, `${name}.completed`]], '<=');
  m.relate([[1, `${name}.atRisk`], [-1, `${name}.active`]], '<=');
  m.relate([[1, `${name}.weeklyActiveTrainees`], [-1, `${name}.trainees`]], '<=');
  m.relate([[1, `${name}.trainees`], [-1, `${name}.enrolled`]], '<=');
  const p = f.placements;
  v('placed', p.placed);
  m.relate([[1, `${name}.placed`], [-1, `${name}.trainees`]], '<=');
  for (const key of ['followUp3Months', 'followUp6Months']) {
    v(`${key}.recorded`, p[key].recorded);
    v(`${key}.stillInRole`, p[key].stillInRole);
    m.relate([[1, `${name}.${key}.stillInRole`], [-1, `${name}.${key}.recorded`]], '<=');
  }
  for (const a of f.assessments) {
    // One assessment's figures are the same in every scope that holds its course version.
    const at = m.figure(`assessment.${a.assessmentId}.attempted`, a.attempted, cap);
    const ps = m.figure(`assessment.${a.assessmentId}.passed`, a.passed, cap);
    m.relate([[1, ps], [-1, at]], '<=');
    m.relate([[1, at], [-1, `${name}.enrolled`]], '<=');
  }
  for (const s of f.skills) {
    const st = v(`skill.${s.skillCode}.trainees`, s.trainees);
    const sa = v(`skill.${s.skillCode}.attained`, s.attained);
    m.relate([[1, sa], [-1, st]], '<=');
    m.relate([[1, st], [-1, `${name}.trainees`]], '<=');
    const teaching = f.assessments.filter((a: any) => knowledge.skillsOf?.get(a.assessmentId)?.includes(s.skillCode));
    for (const a of teaching) m.relate([[1, `assessment.${a.assessmentId}.passed`], [-1, sa]], '<=');
    if (teaching.length > 0) m.relate([[1, sa], ...teaching.map((a: any) => [-1, `assessment.${a.assessmentId}.passed`] as [number, string])], '<=');
  }
}

/** Groups of a level add up to the cohort (enrollment counts) or bound it (trainee counts); same versions, same figures. */
function levelRelations(m: IntegerModel, report: any, scopes: Scope[]): void {
  for (const level of ['courses', 'tracks'] as const) {
    const members = scopes.filter((s) => s.level === level);
    if (members.length === 0) continue;
    for (const metric of ['enrolled', ...ENROLLMENT_COUNTS]) m.relate([...members.map((s) => [1, `${s.name}.${metric}`] as [number, string]), [-1, `overall.${metric}`]], '=');
    const skillCodes = new Set<string>(members.flatMap((s) => s.figures.skills.map((x: any) => x.skillCode)));
    for (const metric of ['trainees', 'weeklyActiveTrainees', 'placed', ...[...skillCodes].map((c) => `skill.${c}.attained`)]) {
      const holders = members.filter((s) => m.has(`${s.name}.${metric}`));
      if (!m.has(`overall.${metric}`) || holders.length === 0) continue;
      m.relate([...holders.map((s) => [1, `${s.name}.${metric}`] as [number, string]), [-1, `overall.${metric}`]], '>=');
      for (const s of holders) m.relate([[1, `${s.name}.${metric}`], [-1, `overall.${metric}`]], '<=');
    }
  }
  const key = (s: Scope) => [...s.versions].sort().join(',');
  for (const a of scopes) {
    for (const b of scopes) {
      if (a.name >= b.name || key(a) !== key(b)) continue;
      for (const metric of ['trainees', 'enrolled', ...ENROLLMENT_COUNTS, 'weeklyActiveTrainees', 'placed']) m.equal(`${a.name}.${metric}`, `${b.name}.${metric}`);
    }
  }
  void report;
}
