import { useQuery } from '@tanstack/react-query';
import { useLingui } from '@lingui/react/macro';
import { SelectField } from '../../shared/ui/select-field';
import { listedOrganisationsQuery } from './people.queries';

/** The organisation an employer acts for (the API refuses an employer without one), from the listed organisations. */
export function OrganisationChoice({ value, onChange, error }: { value: string; onChange: (organisationId: string) => void; error?: string }) {
  const { t } = useLingui();
  const organisations = useQuery(listedOrganisationsQuery);
  return (
    <>
    <SelectField
      name="organisationId"
      label={t`Organisation the employer acts for`}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required
      error={error}
    >
      <option value="">{t`Choose an organisation`}</option>
      {(organisations.data ?? []).map((organisation) => (
        <option key={organisation.id} value={organisation.id}>
          {organisation.name}
        </option>
      ))}
    </SelectField>
    {organisations.data?.length === 0 && <p className="field-description">{t`No organisation is listed yet: add one under Employers first.`}</p>}
    </>
  );
}
