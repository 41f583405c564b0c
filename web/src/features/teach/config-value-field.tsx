import { useLingui } from '@lingui/react/macro';
import { TextArea } from '../../shared/ui/text-area';
import { TextField } from '../../shared/ui/text-field';
import { SelectField } from '../../shared/ui/select-field';
import { ChoiceGroup } from './choice-group';
import type { ValueDraft, ValueType } from './config-key';

interface ValueFieldProps {
  /** Names both fields ("Rule 1: expected value"). */
  label: string;
  name: string;
  value: ValueDraft;
  onChange: (value: ValueDraft) => void;
  error?: string;
  /** The check reads numbers only (atLeast, atMost): no choice of type. */
  numberOnly?: boolean;
}

/**
 * An expected value of a config rule: its type, then the value in the field that type needs. A list
 * or an object (rarely needed) is written as JSON; every other value is typed as it is.
 */
export function ValueField({ label, name, value, onChange, error, numberOnly }: ValueFieldProps) {
  const { t } = useLingui();
  if (numberOnly) return <TextField name={name} label={label} inputMode="decimal" autoComplete="off" value={value.text} onChange={(e) => onChange({ ...value, type: 'number', text: e.target.value })} error={error} />;
  const types: Record<ValueType, string> = { text: t`Text`, number: t`Number`, boolean: t`True or false`, null: t`Empty (null)`, json: t`List or object (JSON)` };
  return (
    <div className="value-field">
      <SelectField
        name={`${name}.type`}
        label={t`${label}: type`}
        value={value.type}
        onChange={(e) => {
          const type = e.target.value as ValueType;
          onChange({ ...value, type, text: type === 'boolean' ? 'true' : type === 'null' ? '' : value.type === 'boolean' || value.type === 'null' ? '' : value.text });
        }}
      >
        {(Object.keys(types) as ValueType[]).map((type) => (
          <option key={type} value={type}>
            {types[type]}
          </option>
        ))}
      </SelectField>
      {value.type === 'text' && <TextField name={name} label={label} autoComplete="off" value={value.text} onChange={(e) => onChange({ ...value, text: e.target.value })} error={error} />}
      {value.type === 'number' && <TextField name={name} label={label} inputMode="decimal" autoComplete="off" value={value.text} onChange={(e) => onChange({ ...value, text: e.target.value })} error={error} />}
      {value.type === 'boolean' && (
        <ChoiceGroup
          label={label}
          value={value.text === 'false' ? 'false' : 'true'}
          onChange={(text) => onChange({ ...value, text })}
          options={[
            { value: 'true', label: t`true` },
            { value: 'false', label: t`false` },
          ]}
          error={error}
        />
      )}
      {value.type === 'json' && (
        <TextArea name={name} className="field-code" label={label} rows={4} spellCheck={false} value={value.text} onChange={(e) => onChange({ ...value, text: e.target.value })} error={error} />
      )}
    </div>
  );
}
