/**
 * A reviewer's earlier decisions on the text, newest first, under the one on record: a changed
 * decision stays visible to the person who made it, with its statement and date.
 */
import type { Signoff } from './signoffApi.ts';
import { formatDateTime } from '../components/dates.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

export function DecisionHistory({ signoff }: { signoff: Signoff | null }) {
  const t = useT();
  const earlier = signoff?.history ?? [];
  if (earlier.length === 0) return null;
  return (
    <section className="decision-history" aria-labelledby="decision-history-title" data-testid="decision-history">
      <h3 id="decision-history-title" className="decision-history__title">
        {t('review.earlier')}
      </h3>
      <ol reversed className="decision-history__list">
        {earlier.toReversed().map((change) => (
          <li key={change.at}>
            <strong>{t(`decision.${change.decision}`)}</strong>{t('review.recordedOn', { date: formatDateTime(change.at) })}
            {change.statement && <p className="decision-history__statement">{change.statement}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
