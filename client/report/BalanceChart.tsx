/**
 * Whose voice each section heard: government, civil society and the others, per section with
 * comments. The numbers are table cells; the stacked bar repeats them for the eye (aria-hidden).
 */
import { STAKEHOLDERS, type Stakeholder } from '../../shared/domain.ts';
import { formatNumber } from '../components/dates.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import type { ReportSection } from './reportApi.ts';

const OTHERS: readonly Stakeholder[] = ['international', 'other'];

function counts(section: ReportSection) {
  const by = Object.fromEntries(STAKEHOLDERS.map((s) => [s, 0])) as Record<Stakeholder, number>;
  for (const thread of section.threads) by[thread.author.stakeholder]++;
  return { government: by.government, civil: by['civil-society'], others: OTHERS.reduce((sum, s) => sum + by[s], 0), total: section.threads.length };
}

const share = (part: number, total: number) => `${total ? (part / total) * 100 : 0}%`;
const percent = (part: number, total: number) => (total ? Math.round((part / total) * 100) : 0);

export function BalanceChart({ sections }: { sections: readonly ReportSection[] }) {
  const t = useT();
  const rows = sections.filter((s) => s.threads.length > 0).map((s) => ({ section: s, ...counts(s) }));
  return (
    <figure className="chart chart--wide" data-testid="balance-chart">
      <figcaption className="chart__title">{t('balance.title')}</figcaption>
      {rows.length === 0 ? (
        <p className="muted">{t('charts.none')}</p>
      ) : (
        <>
          <p className="chart__legend" aria-hidden="true">
            <span className="legend legend--government">{t('stakeholder.government')}</span>
            <span className="legend legend--civil">{t('stakeholder.civil-society')}</span>
            <span className="legend legend--others">{t('balance.others')}</span>
          </p>
          {/* On a phone the five columns may not fit: the table scrolls in its own box, never the page,
              and the box takes the focus so that it scrolls by keyboard too. */}
          {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling box with nothing focusable inside must take the focus itself */}
          <section className="table-scroll balance-scroll" aria-label={t('balance.caption')} tabIndex={0}>
            <table className="data-table balance-table">
              <caption className="visually-hidden">{t('balance.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('filters.section')}</th>
                  <th scope="col" className="num">
                    {t('stakeholder.government')}
                  </th>
                  <th scope="col" className="num">
                    {t('stakeholder.civil-society')}
                  </th>
                  <th scope="col" className="num">
                    {t('balance.others')}
                  </th>
                  <th scope="col" className="balance-table__bar-header">
                    <span className="visually-hidden">{t('balance.column')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.section.id}>
                    <th scope="row">
                      {row.section.number} {row.section.title}
                    </th>
                    <td className="num">{formatNumber(row.government)}</td>
                    <td className="num">{formatNumber(row.civil)}</td>
                    <td className="num">{formatNumber(row.others)}</td>
                    <td className="balance-table__bar-cell">
                      <span className="visually-hidden">
                        {t('balance.shares', { government: percent(row.government, row.total), civil: percent(row.civil, row.total) })}
                      </span>
                      <span className="balance-bar" aria-hidden="true">
                        <span className="balance-bar__part legend--government" style={{ width: share(row.government, row.total) }} />
                        <span className="balance-bar__part legend--civil" style={{ width: share(row.civil, row.total) }} />
                        <span className="balance-bar__part legend--others" style={{ width: share(row.others, row.total) }} />
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </figure>
  );
}
