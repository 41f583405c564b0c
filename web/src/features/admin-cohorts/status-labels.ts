import { useLingui } from '@lingui/react/macro';
import type { CohortStatus } from './lifecycle';

export function useStatusLabel(): (status: string) => string {
  const { t } = useLingui();
  const labels: Record<CohortStatus, string> = {
    planned: t`Planned`,
    accepting_applications: t`Taking applications`,
    running: t`Running`,
    completed: t`Completed`,
    archived: t`Archived`,
  };
  return (status) => labels[status as CohortStatus] ?? status;
}
