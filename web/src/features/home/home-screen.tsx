import { useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';

export function HomeScreen() {
  const { t } = useLingui();
  return <Screen title={t`Home`}>{null}</Screen>;
}
