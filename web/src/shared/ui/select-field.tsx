import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  name: string;
  label: string;
  /** The API's message for this field (see fieldErrorsOf), shown under it and announced with it. */
  error?: string;
  children: ReactNode;
}

/**
 * A labelled native select, like TextField: plain HTML is the most usable list on a phone (the
 * system picker) and costs nothing on the first screens; the error is tied to it for screen readers.
 */
export function SelectField({ label, error, children, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...select}>
        {children}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
