import type { CourseVersionOutline } from '../course/published-course-versions.contract';

/**
 * Whether a cohort may move from one published version of its course to another while it runs,
 * keeping every trainee's progress and work valid. Compatible means:
 *
 * - the same course, and a later version of it;
 * - the same modules (by id) with the same prerequisites and skills: the cohort's schedule, module
 *   locks and module completions are keyed by module, and skills go on certificates. Module titles,
 *   summaries and order may change;
 * - lessons may change freely: edited (text, media links, kind), added, removed or moved. They keep
 *   their ids from version to version, so a completion stays with its lesson; completions of a
 *   removed lesson stay recorded but no longer count;
 * - the same assessments (by id), each in the same module, with everything grading, attempts and
 *   results read unchanged — kind, key, max score, pass mark, weight, required, attempts allowed,
 *   time limit, due offset, late policy, penalty, floor, grace and skills. Only the title and the
 *   instructions (text a trainee reads) may differ. So every submission, attempt, grade and
 *   exception stays as valid under the new version as under the old.
 *
 * Each rule broken is one reason, naming what differs; the first is the problem's type.
 */
export type IncompatibilityCode =
  | 'different-course'
  | 'not-newer-version'
  | 'module-added'
  | 'module-removed'
  | 'module-changed'
  | 'assessment-added'
  | 'assessment-removed'
  | 'assessment-changed';

export interface Incompatibility {
  code: IncompatibilityCode;
  detail: string;
  moduleId?: string;
  assessmentId?: string;
  title?: string;
  /** What differs (assessment settings, or a module's prerequisites or skills). */
  fields?: string[];
}

/** The text of an assessment a trainee reads: it may change between compatible versions. */
export const PRESENTATION_FIELDS: ReadonlySet<string> = new Set(['title', 'instructions']);

export interface VersionSide {
  outline: CourseVersionOutline;
  /** Frozen assessment content (as the assessment module froze it) by assessment id. */
  frozen: Map<string, unknown>;
}

export function incompatibilities(from: VersionSide, to: VersionSide): Incompatibility[] {
  if (from.outline.courseId !== to.outline.courseId) {
    return [{ code: 'different-course', detail: `Version ${to.outline.version} of ${to.outline.courseTitle} is not a version of the cohort's course ${from.outline.courseTitle}.` }];
  }
  if (to.outline.version <= from.outline.version) {
    return [{ code: 'not-newer-version', detail: `The cohort runs version ${from.outline.version}; it can move only to a later version, not ${to.outline.version}.` }];
  }
  return [...moduleReasons(from.outline, to.outline), ...assessmentReasons(from, to)];
}

function moduleReasons(from: CourseVersionOutline, to: CourseVersionOutline): Incompatibility[] {
  const before = new Map(from.modules.map((m) => [m.moduleId, m]));
  const after = new Map(to.modules.map((m) => [m.moduleId, m]));
  const reasons: Incompatibility[] = [];
  for (const m of to.modules) {
    const old = before.get(m.moduleId);
    if (!old) {
      reasons.push({ code: 'module-added', moduleId: m.moduleId, title: m.title, detail: `Module “${m.title}” is new: the cohort's schedule and trainees' module progress do not know it.` });
      continue;
    }
    const fields = [
      ...(same(sorted(old.prerequisiteModuleIds), sorted(m.prerequisiteModuleIds)) ? [] : ['prerequisiteModuleIds']),
      ...(same(sorted(old.skillCodes), sorted(m.skillCodes)) ? [] : ['skillCodes']),
    ];
    if (fields.length) reasons.push({ code: 'module-changed', moduleId: m.moduleId, title: m.title, fields, detail: `Module “${m.title}” changed its ${fields.join(' and ')}.` });
  }
  for (const m of from.modules) {
    if (!after.has(m.moduleId)) reasons.push({ code: 'module-removed', moduleId: m.moduleId, title: m.title, detail: `Module “${m.title}” is gone from the new version.` });
  }
  return reasons;
}

function assessmentReasons(from: VersionSide, to: VersionSide): Incompatibility[] {
  const placed = (o: CourseVersionOutline) => new Map(o.modules.flatMap((m) => m.assessments.map((a) => [a.assessmentId, { moduleId: m.moduleId, title: a.title }] as const)));
  const before = placed(from.outline);
  const after = placed(to.outline);
  const reasons: Incompatibility[] = [];
  for (const [assessmentId, now] of after) {
    const old = before.get(assessmentId);
    if (!old) {
      reasons.push({ code: 'assessment-added', assessmentId, title: now.title, detail: `Assessment “${now.title}” is new: trainees of a running cohort would meet work their progress never counted.` });
      continue;
    }
    const fields = [...(old.moduleId === now.moduleId ? [] : ['module']), ...differingFields(from.frozen.get(assessmentId), to.frozen.get(assessmentId))];
    if (fields.length) {
      reasons.push({ code: 'assessment-changed', assessmentId, title: now.title, fields, detail: `Assessment “${now.title}” changed its ${fields.join(', ')}: only its title and instructions may change.` });
    }
  }
  for (const [assessmentId, old] of before) {
    if (!after.has(assessmentId)) reasons.push({ code: 'assessment-removed', assessmentId, title: old.title, detail: `Assessment “${old.title}” is gone from the new version: trainees' work on it would count for nothing.` });
  }
  return reasons;
}

/** Top-level fields of two frozen assessments that differ, presentation text aside; a missing copy differs in everything. */
export function differingFields(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return ['content'];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !PRESENTATION_FIELDS.has(k) && k !== 'assessmentId' && k !== 'moduleId');
  return keys.filter((k) => !same(before[k], after[k])).sort();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON values, whatever the order of object keys. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().filter((k) => value[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value ?? null);
}

const sorted = (values: readonly string[]) => [...values].sort();
