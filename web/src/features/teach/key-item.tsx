import type { ReactNode } from 'react';
import { useLingui } from '@lingui/react/macro';
import { Button } from '../../shared/ui/button';
import { MoveButtons, refocusMoveButton } from './move-buttons';

interface KeyItemProps {
  /** Names the item in its legend and its buttons ("Hint 2"). */
  legend: string;
  uid: string;
  position: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  children: ReactNode;
}

/** One item of a key's list (a flag, a hint, a rule, a criterion): its fields, then move and remove. */
export function KeyItem({ legend, uid, position, count, onMove, onRemove, children }: KeyItemProps) {
  const { t } = useLingui();
  return (
    <fieldset className="key-block key-item" data-item={uid}>
      <legend>{legend}</legend>
      {children}
      <div className="button-row">
        <MoveButtons
          title={legend}
          id={uid}
          position={position}
          count={count}
          onMove={(to, via) => {
            onMove(to - 1);
            refocusMoveButton(uid, via);
          }}
        />
        <Button variant="danger" onClick={onRemove}>
          {t`Remove ${legend}`}
        </Button>
      </div>
    </fieldset>
  );
}

/** A problem of a whole list (too few items), under the list. */
export function ListError({ message }: { message?: string }) {
  return message ? <p className="field-error">{message}</p> : null;
}

/** After a list re-renders, focuses an element of it: the new item's first field, or the add button after a removal. */
export function focusLater(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}
