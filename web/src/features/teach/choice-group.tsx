import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';

interface ChoiceGroupProps<T extends string> {
  label: string;
  description?: string;
  value: T;
  onChange: (value: T) => void;
  options: Array<{ value: T; label: string }>;
  error?: string;
}

/** One choice among a few, controlled: a React Aria radio group (arrow keys move between the options). */
export function ChoiceGroup<T extends string>({ label, description, value, onChange, options, error }: ChoiceGroupProps<T>) {
  return (
    <RadioGroup className="field radio-group" value={value} onChange={(v) => onChange(v as T)} isInvalid={!!error}>
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      {options.map((option) => (
        <Radio key={option.value} value={option.value} className="radio">
          <span className="radio-mark" aria-hidden="true" />
          <span>{option.label}</span>
        </Radio>
      ))}
      <FieldError className="field-error">{error}</FieldError>
    </RadioGroup>
  );
}
