import { useLingui } from '@lingui/react/macro';
import type { AssessmentKind } from './teach.types';

/** The workspace's enum values in the reader's language. */
export function useTeachLabels() {
  const { t } = useLingui();
  const tracks: Record<string, string> = {
    cybersecurity: t`Cybersecurity`,
    'data-analysis': t`Data analysis`,
    'ui-ux-design': t`UI/UX design`,
    'cloud-engineering': t`Cloud engineering`,
  };
  const levels: Record<string, string> = { beginner: t`Beginner`, intermediate: t`Intermediate`, advanced: t`Advanced` };
  const courseStatuses: Record<string, string> = { draft: t`Draft`, published: t`Published`, archived: t`Archived` };
  const cohortStatuses: Record<string, string> = {
    planned: t`planned`,
    accepting_applications: t`accepting applications`,
    running: t`running`,
    completed: t`completed`,
    archived: t`archived`,
  };
  const kinds: Record<AssessmentKind, string> = {
    quiz: t`Quiz`,
    flag: t`Flag challenge`,
    sql: t`SQL exercise`,
    config: t`Configuration review`,
    rubric: t`Design task (rubric)`,
  };
  const lessonKinds: Record<string, string> = { article: t`Article`, video: t`Video`, lab: t`Lab`, external: t`External resource` };
  return {
    track: (code: string) => tracks[code] ?? code,
    level: (code: string) => levels[code] ?? code,
    courseStatus: (code: string) => courseStatuses[code] ?? code,
    cohortStatus: (code: string) => cohortStatuses[code] ?? code,
    kind: (kind: AssessmentKind) => kinds[kind] ?? kind,
    lessonKind: (kind: string) => lessonKinds[kind] ?? kind,
  };
}
