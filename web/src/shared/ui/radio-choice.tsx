import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';

interface RadioChoiceProps {
  name: string;
  label: string;
  options: { value: string; label: string; description?: string }[];
  defaultValue?: string;
  isRequired?: boolean;
  error?: string;
}

/** One choice among a few, as a React Aria radio group (arrow keys move, the form gets `name`). */
export function RadioChoice({ name, label, options, defaultValue, isRequired, error }: RadioChoiceProps) {
  return (
    <RadioGroup className="field radio-group" name={name} defaultValue={defaultValue} isRequired={isRequired} isInvalid={!!error} validationBehavior="native">
      <Label className="field-label">{label}</Label>
      {options.map((option) => (
        <Radio key={option.value} value={option.value} className="radio">
          <span className="radio-mark" aria-hidden="true" />
          <span>
            {option.label}
            {option.description && <Text className="field-description"> {option.description}</Text>}
          </span>
        </Radio>
      ))}
      <FieldError className="field-error">{error}</FieldError>
    </RadioGroup>
  );
}
