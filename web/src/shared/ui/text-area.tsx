import { type TextareaHTMLAttributes, useId } from 'react';

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  name: string;
  label: string;
  description?: string;
  error?: string;
}

/** A labelled multi-line input, with description and error tied to it (see TextField). */
export function TextArea({ label, description, error, className, rows = 5, ...input }: TextAreaProps) {
  const id = useId();
  const describedBy = [description && `${id}-description`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea id={id} className="field-input" rows={rows} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {description && (
        <p id={`${id}-description`} className="field-description">
          {description}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
