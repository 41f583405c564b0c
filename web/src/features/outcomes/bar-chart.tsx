import { useLingui } from '@lingui/react/macro';
import { barShare } from './figures';

export interface Bar {
  label: string;
  /** Null: the figure is suppressed or not computed; the bar is left empty and says why in `text`. */
  value: number | null;
  /** The figure as the table beside the chart writes it. */
  text: string;
}

interface BarChartProps {
  title: string;
  bars: Bar[];
  /** The full length of a bar: 1 for shares, else the largest value. */
  max?: number;
}

/**
 * Horizontal bars drawn with CSS (no chart library: a few divs print, zoom and reflow at 360 px).
 * The drawing is one image whose accessible name reads every bar; the table after each chart has
 * the same figures for anyone who wants to compare or copy them.
 */
export function BarChart({ title, bars, max }: BarChartProps) {
  const { t } = useLingui();
  const longest = max ?? Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  const summary = bars.map((bar) => `${bar.label}: ${bar.text}`).join('; ');
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <div role="img" aria-label={t`${title}. ${summary}`} className="chart-bars">
        {bars.map((bar) => (
          <div key={bar.label} className="chart-row" aria-hidden="true">
            <span className="chart-label">{bar.label}</span>
            <span className="chart-track">
              <span className={bar.value === null ? 'chart-bar chart-bar-empty' : 'chart-bar'} style={{ width: `${barShare(bar.value ?? 0, longest)}%` }} />
            </span>
            <span className="chart-value">{bar.text}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
