import { useFormat } from '../i18n/use-format';

/** A labelled progress bar with its percentage written out (the bar alone says nothing to a screen reader at a glance). */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const format = useFormat();
  const percent = Math.max(0, Math.min(100, value));
  return (
    <div className="progress-row">
      <progress className="progress" max={100} value={percent} aria-label={label} />
      <span className="progress-value">{format.percent(percent)}</span>
    </div>
  );
}
