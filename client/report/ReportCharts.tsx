/** The report at a glance: key figures, then comments by section, stakeholder group, country, status and kind. */
import { STAKEHOLDER_LABELS, STAKEHOLDERS, THREAD_KIND_LABELS, THREAD_KINDS, THREAD_STATUS_LABELS, THREAD_STATUSES, type ThreadStatus } from '../../shared/domain.ts';
import { countryName } from '../people/countries.ts';
import { BalanceChart } from './BalanceChart.tsx';
import { BarChart } from './BarChart.tsx';
import type { Report } from './reportApi.ts';

export const STATUS_TONES: Record<ThreadStatus, string> = {
  open: 'tone--open',
  accepted: 'tone--accepted',
  'partially-accepted': 'tone--partial',
  'not-accepted': 'tone--rejected',
  noted: 'tone--noted',
};

const percent = (part: number, total: number) => (total ? Math.round((part / total) * 100) : 0);

export function ReportGlance({ report }: { report: Report }) {
  const { summary } = report;
  const answered = summary.threads - summary.byStatus.open;
  const countries = Object.keys(summary.byCountry).filter((c) => c !== 'unknown').length;
  const endorsements = summary.endorsements ?? report.sections.reduce((n, s) => n + s.threads.reduce((m, t) => m + t.endorsements.length, 0), 0);
  const figures = [
    { key: 'threads', value: summary.threads, label: summary.threads === 1 ? 'comment' : 'comments' },
    { key: 'answered', value: answered, label: `answered (${percent(answered, summary.threads)}%)` },
    { key: 'open', value: summary.byStatus.open, label: 'not yet answered' },
    { key: 'replies', value: summary.replies, label: summary.replies === 1 ? 'reply' : 'replies' },
    { key: 'endorsements', value: endorsements, label: endorsements === 1 ? 'endorsement' : 'endorsements' },
    { key: 'countries', value: countries, label: countries === 1 ? 'country' : 'countries' },
  ];
  return (
    <ul className="stats" data-testid="report-totals">
      {figures.map((f) => (
        <li key={f.key} className="stat" data-testid={`total-${f.key}`}>
          <span className="stat__value">{f.value}</span>
          <span className="stat__label">{f.label}</span>
        </li>
      ))}
    </ul>
  );
}

export function ReportCharts({ report }: { report: Report }) {
  const { summary, sections } = report;
  const commented = sections.filter((s) => s.threads.length > 0);
  const quiet = sections.filter((s) => s.threads.length === 0 && s.number);
  const countries = Object.entries(summary.byCountry).toSorted(([a, x], [b, y]) => y - x || countryName(a).localeCompare(countryName(b)));
  return (
    <div className="charts">
      <BarChart
        title="Comments per section"
        labelHeader="Section"
        testId="chart-sections"
        bars={commented.map((s) => ({ key: s.id, label: `${s.number} ${s.title}`.trim(), value: s.threads.length }))}
        note={quiet.length > 0 && <p className="chart__note">No comments on {quiet.length === 1 ? 'section' : 'sections'} {quiet.map((s) => s.number).join(', ')}.</p>}
      />
      <BarChart
        title="By stakeholder group"
        labelHeader="Stakeholder group"
        testId="chart-stakeholders"
        bars={STAKEHOLDERS.map((s) => ({ key: s, label: STAKEHOLDER_LABELS[s], value: summary.byStakeholder[s] ?? 0 }))}
      />
      <BarChart title="By country" labelHeader="Country" testId="chart-countries" bars={countries.map(([code, value]) => ({ key: code, label: countryName(code), value }))} />
      <BarChart
        title="By status of the answer"
        labelHeader="Status"
        testId="chart-statuses"
        bars={THREAD_STATUSES.map((s) => ({ key: s, label: THREAD_STATUS_LABELS[s], value: summary.byStatus[s] ?? 0, tone: STATUS_TONES[s] }))}
      />
      <BarChart title="By kind of comment" labelHeader="Kind" testId="chart-kinds" bars={THREAD_KINDS.map((k) => ({ key: k, label: THREAD_KIND_LABELS[k], value: summary.byKind[k] ?? 0 }))} />
      <BalanceChart sections={sections} />
    </div>
  );
}
