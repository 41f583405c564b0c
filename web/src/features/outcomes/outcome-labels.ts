import { useLingui } from '@lingui/react/macro';

/** The report's words (stage, dimension and category names come from the server in English) in the reader's language. */
export function useOutcomeLabels() {
  const { t } = useLingui();
  const stages: Record<string, string> = {
    applied: t`Applied`,
    accepted: t`Accepted`,
    enrolled: t`Enrolled`,
    withdrawn: t`Withdrawn`,
    active: t`Active`,
    completed: t`Completed`,
    certified: t`Certified`,
  };
  const dimensions: Record<string, string> = { gender: t`Gender`, ageBand: t`Age band`, district: t`District`, employer: t`Employer` };
  const categories: Record<string, string> = { other: t`Other`, 'not given': t`Not given`, 'under 25': t`Under 25` };
  return {
    stage: (name: string) => stages[name] ?? name,
    dimension: (name: string) => dimensions[name] ?? name,
    category: (name: string) => categories[name] ?? name,
  };
}
