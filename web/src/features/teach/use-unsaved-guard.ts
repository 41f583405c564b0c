import { useLingui } from '@lingui/react/macro';
import { useLeaveGuard } from '../../shared/routing/use-leave-guard';

/** The builder's editors: leaving with unsaved changes asks first (see useLeaveGuard). */
export function useUnsavedGuard(dirty: boolean): { allowLeaving: () => void } {
  const { t } = useLingui();
  return useLeaveGuard(dirty, t`You have changes that are not saved yet. Leave and lose them?`);
}
