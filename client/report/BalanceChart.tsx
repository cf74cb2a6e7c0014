/**
 * Whose voice each section heard: government, civil society and the others, per section with
 * comments. The numbers are table cells; the stacked bar repeats them for the eye (aria-hidden).
 */
import { STAKEHOLDER_LABELS, STAKEHOLDERS, type Stakeholder } from '../../shared/domain.ts';
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
  const rows = sections.filter((s) => s.threads.length > 0).map((s) => ({ section: s, ...counts(s) }));
  return (
    <figure className="chart chart--wide" data-testid="balance-chart">
      <figcaption className="chart__title">Government and civil society, section by section</figcaption>
      {rows.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <>
          <p className="chart__legend" aria-hidden="true">
            <span className="legend legend--government">{STAKEHOLDER_LABELS.government}</span>
            <span className="legend legend--civil">{STAKEHOLDER_LABELS['civil-society']}</span>
            <span className="legend legend--others">International and other</span>
          </p>
          <table className="data-table balance-table">
            <caption className="visually-hidden">Comments per section by stakeholder group</caption>
            <thead>
              <tr>
                <th scope="col">Section</th>
                <th scope="col" className="num">
                  Government
                </th>
                <th scope="col" className="num">
                  Civil society
                </th>
                <th scope="col" className="num">
                  International and other
                </th>
                <th scope="col" className="balance-table__bar-header">
                  <span className="visually-hidden">Balance</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.section.id}>
                  <th scope="row">
                    {row.section.number} {row.section.title}
                  </th>
                  <td className="num">{row.government}</td>
                  <td className="num">{row.civil}</td>
                  <td className="num">{row.others}</td>
                  <td className="balance-table__bar-cell">
                    <span className="visually-hidden">
                      {percent(row.government, row.total)}% government, {percent(row.civil, row.total)}% civil society
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
        </>
      )}
    </figure>
  );
}
