import { useLingui } from '@lingui/react/macro';
import { ROLES, type Role } from './people.queries';
import { useRoleLabel } from './role-labels';

/** The roles as checkboxes (a person may hold several). */
export function RoleChoices({ value, onChange, error }: { value: Role[]; onChange: (roles: Role[]) => void; error?: string }) {
  const { t } = useLingui();
  const roleLabel = useRoleLabel();
  return (
    <fieldset className="fieldset">
      <legend>{t`Roles`}</legend>
      {ROLES.map((role) => (
        <label key={role} className="checkbox">
          <input type="checkbox" checked={value.includes(role)} onChange={(event) => onChange(event.target.checked ? [...value, role] : value.filter((r) => r !== role))} />
          {roleLabel(role)}
        </label>
      ))}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
