/**
 * A Permanent Correspondent's final review: where to read the final text and the report, their
 * decision (open until adoption), and what changed since the consultation draft.
 */
import { useCallback, useState } from 'react';
import type { DocumentDetail } from '../../shared/api.ts';
import { allowed } from '../../shared/access.ts';
import { LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { documentPath, documentViewPath, Link } from '../router.tsx';
import { usePerson } from '../session.tsx';
import { ChangesSinceDraft } from './ChangesSinceDraft.tsx';
import { signoffApi, type Signoff } from './signoffApi.ts';
import { SignoffForm } from './SignoffForm.tsx';
import { DecisionHistory } from './DecisionHistory.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';

function OwnDecision({ detail }: { detail: DocumentDetail }) {
  const t = useT();
  const person = usePerson();
  const load = useCallback(() => signoffApi.list(detail.id).then((all) => all.find((s) => s.reviewer.id === person.id) ?? null), [detail.id, person.id]);
  const { state, retry } = useResource(load);
  const [saved, setSaved] = useState<Signoff | null>(null);

  if (state.status === 'loading') return <output className="placeholder">{t('review.loadingDecision')}</output>;
  if (state.status === 'error') return <LoadError failure={state} onRetry={retry} />;
  const current = saved ?? state.data;
  if (allowed(person.role, 'signoff.submit', detail.phase)) {
    return (
      <>
        <SignoffForm documentId={detail.id} current={current} onSaved={setSaved} />
        <DecisionHistory signoff={current} />
      </>
    );
  }
  if (!current) return <p>{t('review.noDecision')}</p>;
  return (
    <div className="signoff-current" data-testid="signoff-current">
      <p>
        {t('review.yourDecision')} <strong>{t(`decision.${current.decision}`)}</strong>
      </p>
      {current.statement && <p className="signoff-current__statement">{current.statement}</p>}
      <DecisionHistory signoff={current} />
    </div>
  );
}

export function ReviewerView({ detail }: { detail: DocumentDetail }) {
  const t = useT();
  const phase = detail.phase;
  return (
    <>
      {phase === 'final-review' && (
        <div className="review-intro">
          <p className="lead">{t('review.intro')}</p>
          <ul className="review-links">
            <li>
              <Link href={documentPath(detail.id)}>{t('review.readFinal')}</Link>
            </li>
            <li>
              <a href="#changes-title">{t('review.seeChanges')}</a>
            </li>
            <li>
              <Link href={documentViewPath(detail.id, 'report')}>{t('review.readReport')}</Link>
            </li>
          </ul>
        </div>
      )}
      {phase !== 'final-review' && phase !== 'adopted' && (
        <p className="notice notice--info">{t('review.notStartedReviewer')}</p>
      )}
      {(phase === 'final-review' || phase === 'adopted') && (
        <section className="panel" aria-labelledby="decision-title">
          <h2 id="decision-title" className="panel__title">
            {t('review.signOff')}
          </h2>
          <OwnDecision detail={detail} />
        </section>
      )}
      <section aria-labelledby="changes-title">
        <h2 id="changes-title" className="section-title" tabIndex={-1}>
          {t('review.changesTitle')}
        </h2>
        <ChangesSinceDraft documentId={detail.id} />
      </section>
    </>
  );
}
