import type { ButtonHTMLAttributes } from 'react';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger';
  /** Work under way: the button stays focusable (aria-disabled) and ignores presses. */
  isPending?: boolean;
}

export function Button({ variant = 'primary', isPending, className, onClick, type = 'button', ...props }: ButtonProps) {
  return (
    <button
      {...props}
      type={type}
      aria-disabled={isPending || undefined}
      data-pending={isPending || undefined}
      className={`button button-${variant}${className ? ` ${className}` : ''}`}
      onClick={(event) => {
        if (isPending) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
