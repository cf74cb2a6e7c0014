/**
 * A reviewer's decision on the final text: approve, approve with reservations, or object, with a
 * statement (required unless approving). Shows the decision on record; it can be changed until adoption.
 */
import { useId, useState, type FormEvent } from 'react';
import { MAX_COMMENT_CHARS } from '../../shared/limits.ts';
import { errorMessage } from '../api.ts';
import { formatDateTime } from '../components/dates.ts';
import { DECISIONS, needsStatement, type Decision } from './decisions.ts';
import { formatNumber } from '../components/dates.ts';
import { signoffApi, type Signoff } from './signoffApi.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

interface SignoffFormProps {
  documentId: string;
  current: Signoff | null;
  onSaved: (signoff: Signoff) => void;
}

export function SignoffForm({ documentId, current, onSaved }: SignoffFormProps) {
  const t = useT();
  const [decision, setDecision] = useState<Decision | null>(current?.decision ?? null);
  const [statement, setStatement] = useState(current?.statement ?? '');
  const [errors, setErrors] = useState<{ decision?: string; statement?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Decision | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const text = statement.trim();
    const found: typeof errors = {};
    if (!decision) found.decision = t('signoff.chooseDecision');
    else if (needsStatement(decision) && !text) found.statement = t(decision === 'object' ? 'signoff.sayObjection' : 'signoff.sayReservations');
    if (text.length > MAX_COMMENT_CHARS) found.statement = t('signoff.tooLong', { max: formatNumber(MAX_COMMENT_CHARS) });
    setErrors(found);
    setSaved(null);
    if (!decision || found.decision || found.statement) {
      document.getElementById(found.decision ? `${id}-${DECISIONS[0]}` : `${id}-statement`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const signoff = await signoffApi.submit(documentId, decision, text || null);
      setSaved(signoff.decision);
      onSaved(signoff);
    } catch (failure) {
      setErrors({ form: errorMessage(failure) });
    } finally {
      setBusy(false);
    }
  };

  const statementRequired = decision !== null && needsStatement(decision);
  return (
    <form onSubmit={submit} noValidate className="signoff-form" data-testid="signoff-form">
      <div className="signoff-current" data-testid="signoff-current">
        {current ? (
          <p>
            {t('signoff.onRecord')} <strong>{t(`decision.${current.decision}`)}</strong>
            {t('signoff.sinceChangeable', { date: formatDateTime(current.updatedAt) })}
          </p>
        ) : (
          <p>{t('signoff.none')}</p>
        )}
      </div>
      <fieldset className={`field signoff-decisions${errors.decision ? ' field--error' : ''}`} aria-describedby={errors.decision ? `${id}-decision-error` : undefined}>
        <legend className="field__label">{t('signoff.yourDecision')}</legend>
        {errors.decision && (
          <p id={`${id}-decision-error`} className="field__error">
            <span className="visually-hidden">{t('field.errorPrefix')}</span>
            {errors.decision}
          </p>
        )}
        {DECISIONS.map((d) => (
          <div key={d} className="radio">
            <input id={`${id}-${d}`} type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} aria-describedby={`${id}-${d}-hint`} />
            <label htmlFor={`${id}-${d}`}>
              <span className="radio__label">{t(`decision.${d}`)}</span>
              <span id={`${id}-${d}-hint`} className="radio__hint">
                {t(`decisionHint.${d}`)}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <div className={`field${errors.statement ? ' field--error' : ''}`}>
        <label htmlFor={`${id}-statement`} className="field__label">
          {t('signoff.statement')} <span className="muted">{statementRequired ? t('field.required') : t('field.optional')}</span>
        </label>
        <p id={`${id}-statement-hint`} className="field__hint">
          {t('signoff.statementHint')}
        </p>
        {errors.statement && (
          <p id={`${id}-statement-error`} className="field__error">
            <span className="visually-hidden">{t('field.errorPrefix')}</span>
            {errors.statement}
          </p>
        )}
        <textarea
          id={`${id}-statement`}
          className="input signoff-statement"
          rows={6}
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          aria-required={statementRequired}
          aria-invalid={errors.statement ? true : undefined}
          aria-describedby={errors.statement ? `${id}-statement-hint ${id}-statement-error` : `${id}-statement-hint`}
        />
      </div>
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      <output className="page-status" data-testid="signoff-status">
        {saved && t('signoff.recorded', { decision: t(`decision.${saved}`) })}
      </output>
      {/* Not disabled while recording: that would drop the keyboard's focus onto the page. */}
      <button type="submit" className="button button--primary" aria-disabled={busy}>
        {busy ? t('signoff.recording') : current ? t('signoff.change') : t('signoff.record')}
      </button>
    </form>
  );
}
