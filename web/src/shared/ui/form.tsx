import type { FormEvent, ReactNode } from 'react';
import { formValues } from './form-values';

interface FormProps {
  onSubmit: (values: Record<string, string>) => void;
  children: ReactNode;
  className?: string;
  'aria-label'?: string;
}

/**
 * A form that hands its values to `onSubmit` without a page load. Inputs are uncontrolled, so
 * what a person typed stays in place when the API refuses it.
 */
export function Form({ onSubmit, children, className = 'form', ...rest }: FormProps) {
  return (
    <form
      className={className}
      noValidate={false}
      {...rest}
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        onSubmit(formValues(event.currentTarget));
      }}
    >
      {children}
    </form>
  );
}
