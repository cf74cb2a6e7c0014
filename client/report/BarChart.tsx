/**
 * A horizontal bar chart that is a real table: screen readers read label and number from the cells,
 * and the bar is only decoration (aria-hidden), so the chart needs no separate text equivalent.
 */
import type { ReactNode } from 'react';
import { formatNumber } from '../components/dates.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

export interface Bar {
  key: string;
  label: ReactNode;
  value: number;
  /** A colour class (bar-chart__bar--good, …); the label always says the same in words. */
  tone?: string;
}

interface BarChartProps {
  title: string;
  /** Header of the label column, for screen readers (e.g. "Section"). */
  labelHeader: string;
  /** Header of the value column; "Comments" unless given. */
  valueHeader?: string;
  bars: readonly Bar[];
  /** Shown instead of the table when every value is 0; "No comments yet." unless given. */
  empty?: string;
  note?: ReactNode;
  testId?: string;
}

export function BarChart({ title, labelHeader, valueHeader, bars, empty, note, testId }: BarChartProps) {
  const t = useT();
  const max = Math.max(0, ...bars.map((b) => b.value));
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart__title">{title}</figcaption>
      {max === 0 ? (
        <p className="muted">{empty ?? t('charts.none')}</p>
      ) : (
        <table className="bar-chart">
          <caption className="visually-hidden">{title}</caption>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader ?? t('documents.colComments')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key}>
                <th scope="row" className="bar-chart__label">
                  {bar.label}
                </th>
                <td className="bar-chart__cell">
                  <span className={`bar-chart__bar ${bar.tone ?? ''}`} style={{ width: `${(bar.value / max) * 100}%` }} aria-hidden="true" />
                  <span className="bar-chart__value">{formatNumber(bar.value)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {note}
    </figure>
  );
}
