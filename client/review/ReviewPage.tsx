/**
 * /documents/:id/review: final review. Permanent Correspondents read the final text and what changed,
 * then record their decision; the Secretariat follows the tally and adopts the text.
 */
import { useCallback } from 'react';
import type { DocumentDetail } from '../../shared/api.ts';
import { allowed, may } from '../../shared/access.ts';
import { DocumentFrame } from '../components/DocumentFrame.tsx';
import { formatDateTime } from '../components/dates.ts';
import { Forbidden, LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { usePerson } from '../session.tsx';
import { AdoptAction } from './AdoptAction.tsx';
import { ReviewerView } from './ReviewerView.tsx';
import { signoffApi } from './signoffApi.ts';
import { TallyView } from './TallyView.tsx';
import './review.css';
import { useT } from '../i18n/LanguageProvider.tsx';

export function ReviewPage({ documentId }: { documentId: string }) {
  const t = useT();
  const person = usePerson();
  return (
    <DocumentFrame documentId={documentId} view="review" title={t('documentLinks.finalReview')}>
      {(detail, refresh) => {
        if (!may(person.role, 'signoff.read')) return <Forbidden />;
        return (
          <>
            <Adoption detail={detail} />
            {person.role === 'reviewer' ? <ReviewerView detail={detail} /> : <SecretariatView detail={detail} refresh={refresh} />}
          </>
        );
      }}
    </DocumentFrame>
  );
}

function Adoption({ detail }: { detail: DocumentDetail }) {
  const t = useT();
  return (
    <output className={detail.adoptedAt ? 'notice success-notice adoption' : 'visually-hidden'} data-testid="adoption">
      {detail.adoptedAt && (
        <>
          <strong>{t('phase.adopted')}</strong> {t('review.adoptedOn', { date: formatDateTime(detail.adoptedAt) })}
        </>
      )}
    </output>
  );
}

function SecretariatView({ detail, refresh }: { detail: DocumentDetail; refresh: () => Promise<void> }) {
  const t = useT();
  const person = usePerson();
  const load = useCallback(() => signoffApi.tally(detail.id), [detail.id]);
  const { state, reload, retry } = useResource(load);
  const inReview = detail.phase === 'final-review';
  return (
    <>
      {!inReview && !detail.adoptedAt && (
        <p className="notice notice--info">{t('review.notStarted')}</p>
      )}
      <section aria-labelledby="tally-title">
        <h2 id="tally-title" className="section-title">
          {t('review.signoffTitle')}
        </h2>
        {state.status === 'loading' && <output className="placeholder">{t('review.loadingTally')}</output>}
        {state.status === 'error' && <LoadError failure={state} onRetry={retry} />}
        {state.status === 'ready' && (
          <>
            <div className="actions-row tally-refresh">
              <button type="button" className="button button--small" onClick={() => void reload()}>
                {t('review.updateTally')}
              </button>
            </div>
            <TallyView tally={state.data} />
          </>
        )}
      </section>
      {inReview && allowed(person.role, 'document.phase', detail.phase) && state.status === 'ready' && (
        <AdoptAction
          documentId={detail.id}
          title={detail.title}
          tally={state.data}
          onAdopted={async () => {
            await Promise.all([refresh(), reload()]);
          }}
        />
      )}
    </>
  );
}
