/** The report at a glance: key figures, then comments by section, stakeholder group, country, status and kind. */
import { useIntl } from 'react-intl';
import { STAKEHOLDERS, THREAD_KINDS, THREAD_STATUSES, type ThreadStatus } from '../../shared/domain.ts';
import { formatNumber } from '../components/dates.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
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
  const t = useT();
  const { summary } = report;
  const answered = summary.threads - summary.byStatus.open;
  const countries = Object.keys(summary.byCountry).filter((c) => c !== 'unknown').length;
  const endorsements = summary.endorsements ?? report.sections.reduce((n, s) => n + s.threads.reduce((m, thread) => m + thread.endorsements.length, 0), 0);
  const figures = [
    { key: 'threads', value: summary.threads, label: t('glance.comments', { count: summary.threads }) },
    { key: 'answered', value: answered, label: t('glance.answered', { percent: percent(answered, summary.threads) }) },
    { key: 'open', value: summary.byStatus.open, label: t('glance.open') },
    { key: 'replies', value: summary.replies, label: t('glance.replies', { count: summary.replies }) },
    { key: 'endorsements', value: endorsements, label: t('glance.endorsements', { count: endorsements }) },
    { key: 'countries', value: countries, label: t('glance.countries', { count: countries }) },
  ];
  return (
    <ul className="stats" data-testid="report-totals">
      {figures.map((f) => (
        <li key={f.key} className="stat" data-testid={`total-${f.key}`}>
          <span className="stat__value">{formatNumber(f.value)}</span>
          <span className="stat__label">{f.label}</span>
        </li>
      ))}
    </ul>
  );
}

export function ReportCharts({ report }: { report: Report }) {
  const t = useT();
  const intl = useIntl();
  const { summary, sections } = report;
  const commented = sections.filter((s) => s.threads.length > 0);
  const quiet = sections.filter((s) => s.threads.length === 0 && s.number);
  const countries = Object.entries(summary.byCountry).toSorted(([a, x], [b, y]) => y - x || countryName(a).localeCompare(countryName(b)));
  return (
    <div className="charts">
      <BarChart
        title={t('charts.perSection')}
        labelHeader={t('filters.section')}
        testId="chart-sections"
        bars={commented.map((s) => ({ key: s.id, label: `${s.number} ${s.title}`.trim(), value: s.threads.length }))}
        note={quiet.length > 0 && <p className="chart__note">{t('charts.quiet', { count: quiet.length, numbers: intl.formatList(quiet.map((s) => s.number)) })}</p>}
      />
      <BarChart
        title={t('charts.byStakeholder')}
        labelHeader={t('filters.stakeholder')}
        testId="chart-stakeholders"
        bars={STAKEHOLDERS.map((s) => ({ key: s, label: t(`stakeholder.${s}`), value: summary.byStakeholder[s] ?? 0 }))}
      />
      <BarChart title={t('charts.byCountry')} labelHeader={t('tally.country')} testId="chart-countries" bars={countries.map(([code, value]) => ({ key: code, label: countryName(code), value }))} />
      <BarChart
        title={t('charts.byStatus')}
        labelHeader={t('filters.status')}
        testId="chart-statuses"
        bars={THREAD_STATUSES.map((s) => ({ key: s, label: t(`status.${s}`), value: summary.byStatus[s] ?? 0, tone: STATUS_TONES[s] }))}
      />
      <BarChart title={t('charts.byKind')} labelHeader={t('filters.kind')} testId="chart-kinds" bars={THREAD_KINDS.map((k) => ({ key: k, label: t(`kind.${k}`), value: summary.byKind[k] ?? 0 }))} />
      <BalanceChart sections={sections} />
    </div>
  );
}
