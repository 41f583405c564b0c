import { useLingui } from '@lingui/react/macro';

export function useRoleLabel(): (role: string) => string {
  const { t } = useLingui();
  const labels: Record<string, string> = { trainee: t`Trainee`, instructor: t`Instructor`, admin: t`Programme staff (admin)`, reviewer: t`Reviewer`, employer: t`Employer (partner organisation)` };
  return (role) => labels[role] ?? role;
}
