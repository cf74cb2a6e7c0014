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
import { DECISION_LABELS } from './decisions.ts';
import { signoffApi, type Signoff } from './signoffApi.ts';
import { SignoffForm } from './SignoffForm.tsx';
import { DecisionHistory } from './DecisionHistory.tsx';

function OwnDecision({ detail }: { detail: DocumentDetail }) {
  const person = usePerson();
  const load = useCallback(() => signoffApi.list(detail.id).then((all) => all.find((s) => s.reviewer.id === person.id) ?? null), [detail.id, person.id]);
  const { state, retry } = useResource(load);
  const [saved, setSaved] = useState<Signoff | null>(null);

  if (state.status === 'loading') return <output className="placeholder">Loading your decision…</output>;
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
  if (!current) return <p>You did not record a decision on this text.</p>;
  return (
    <div className="signoff-current" data-testid="signoff-current">
      <p>
        Your decision: <strong>{DECISION_LABELS[current.decision]}</strong>.
      </p>
      {current.statement && <p className="signoff-current__statement">{current.statement}</p>}
      <DecisionHistory signoff={current} />
    </div>
  );
}

export function ReviewerView({ detail }: { detail: DocumentDetail }) {
  const phase = detail.phase;
  return (
    <>
      {phase === 'final-review' && (
        <div className="review-intro">
          <p className="lead">The text is in final review. Before you decide, read the final text and see what changed since the consultation draft, and why.</p>
          <ul className="review-links">
            <li>
              <Link href={documentPath(detail.id)}>Read the final text</Link>
            </li>
            <li>
              <a href="#changes-title">See what changed since the consultation draft</a>
            </li>
            <li>
              <Link href={documentViewPath(detail.id, 'report')}>Read the feedback report: every comment and its answer</Link>
            </li>
          </ul>
        </div>
      )}
      {phase !== 'final-review' && phase !== 'adopted' && (
        <p className="notice notice--info">Final review has not started yet. You can record your decision once the Secretariat opens it.</p>
      )}
      {(phase === 'final-review' || phase === 'adopted') && (
        <section className="panel" aria-labelledby="decision-title">
          <h2 id="decision-title" className="panel__title">
            Sign off the text
          </h2>
          <OwnDecision detail={detail} />
        </section>
      )}
      <section aria-labelledby="changes-title">
        <h2 id="changes-title" className="section-title" tabIndex={-1}>
          What changed since the consultation draft
        </h2>
        <ChangesSinceDraft documentId={detail.id} />
      </section>
    </>
  );
}
