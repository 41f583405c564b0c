import { useLingui } from '@lingui/react/macro';

interface MoveButtonsProps {
  /** Names the item in the buttons' labels ("Move “Intro” up"). */
  title: string;
  /** Identifies the buttons so focus can return to them after the list re-renders. */
  id: string;
  position: number;
  count: number;
  onMove: (position: number, via: 'up' | 'down') => void;
  isPending?: boolean;
}

/**
 * Reordering without dragging: an up and a down button per item. They stay focusable at the ends
 * (aria-disabled), so focus never falls to the page when an item reaches the top or bottom.
 */
export function MoveButtons({ title, id, position, count, onMove, isPending }: MoveButtonsProps) {
  const { t } = useLingui();
  const atTop = position <= 1;
  const atBottom = position >= count;
  return (
    <span className="move-buttons">
      <button
        type="button"
        className="button button-secondary"
        data-move={`${id}:up`}
        aria-label={t`Move “${title}” up`}
        aria-disabled={atTop || isPending || undefined}
        onClick={() => !atTop && !isPending && onMove(position - 1, 'up')}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="button button-secondary"
        data-move={`${id}:down`}
        aria-label={t`Move “${title}” down`}
        aria-disabled={atBottom || isPending || undefined}
        onClick={() => !atBottom && !isPending && onMove(position + 1, 'down')}
      >
        <span aria-hidden="true">↓</span>
      </button>
    </span>
  );
}

/** After a move re-renders the list, puts focus back on the button that was pressed. */
export function refocusMoveButton(id: string, via: 'up' | 'down'): void {
  requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-move="${id}:${via}"]`)?.focus());
}
