/**
 * Writing a new comment: its kind, the comment, and optionally new wording (prefilled with the
 * selected words, so people edit rather than retype). The draft is kept (useDraft) until it is sent
 * or discarded. Ctrl+Enter sends from any text box; Escape cancels. Opening it (Ctrl+Alt+M, the
 * Comment buttons) puts the focus in the comment's text box, so that the words typed next land there;
 * the kind, before it, is one Shift+Tab away.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_COMMENT_CHARS } from '../../shared/limits.ts';
import { FormattedMessage } from 'react-intl';
import { errorMessage, threadApi } from '../api.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { CountedTextarea } from './CountedTextarea.tsx';
import { KindField } from './KindField.tsx';
import { NOBODY, OnBehalfField, onBehalfFields, type OnBehalf } from './OnBehalfField.tsx';
import { useReview } from './ReviewContext.tsx';
import type { Draft } from './useDraft.ts';

export function Composer() {
  const review = useReview();
  const t = useT();
  const { draft, setDraft, composerFocus, sections } = review;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [onBehalf, setOnBehalf] = useState<OnBehalf>(NOBODY);
  const isSecretariat = review.rights.person.role === 'secretariat';
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (composerFocus === 0) return;
    sectionRef.current?.scrollIntoView({ block: 'nearest' });
    bodyRef.current?.focus();
  }, [composerFocus]);

  // The Cancel button the keyboard was on has gone: the safe choice takes the focus.
  useEffect(() => {
    if (confirmDiscard) keepRef.current?.focus();
  }, [confirmDiscard]);

  if (!draft) return null;
  const section = sections.find((s) => s.id === draft.target.sectionId);
  const update = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const words = draft.target.type === 'words' ? draft.target.quote : null;

  const close = () => {
    setDraft(null);
    setOnBehalf(NOBODY);
    setConfirmDiscard(false);
    setError(null);
    review.returnToText();
  };

  const cancel = () => {
    if (busy) return;
    if (draft.body.trim() && !confirmDiscard) setConfirmDiscard(true);
    else close();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    // Submit stays focusable while the comment is sent (aria-disabled): a second Enter does nothing.
    if (busy) return;
    const body = draft.body.trim();
    if (!body) {
      setError(t('threads.composer.empty'));
      return;
    }
    if (body.length > MAX_COMMENT_CHARS || draft.proposedText.length > MAX_COMMENT_CHARS) {
      setError(t('threads.composer.tooLong', { max: MAX_COMMENT_CHARS }));
      return;
    }
    // Unchanged words are not a proposal.
    const proposed = draft.proposedText.trim() && draft.proposedText !== words ? draft.proposedText : null;
    setBusy(true);
    setError(null);
    try {
      const thread = await threadApi.open(review.detail.id, {
        sectionId: draft.target.sectionId,
        anchor: draft.target.type === 'words' ? draft.target.anchor : null,
        kind: draft.kind,
        body,
        proposedText: proposed,
        ...(isSecretariat ? onBehalfFields(onBehalf) : {}),
      });
      review.store.upsert(thread);
      review.announce(t('threads.composer.posted'));
      review.openThread(thread.id, { revealCard: true });
      close();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    // Ctrl+Enter and Escape work from any of the composer's fields; the fields themselves are the controls.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section ref={sectionRef} className="composer" aria-labelledby={headingId} data-testid="composer" onKeyDown={onKeyDown}>
      <h3 id={headingId} className="composer__title">
        {t('threads.composer.title')}
      </h3>
      <p className="composer__target">
        {words !== null ? (
          <FormattedMessage
            id="threads.composer.onWords"
            values={{
              section: <span className="composer__section">{section ? `${section.number} ${section.title}` : t('threads.composer.thisSection')}</span>,
              quote: <q className="composer__quote">{words}</q>,
            }}
          />
        ) : (
          <FormattedMessage id="threads.composer.onSection" values={{ section: <span className="composer__section">{section ? `${section.number} ${section.title}` : ''}</span> }} />
        )}
      </p>
      {!review.rights.comment.allowed && <p className="composer__closed">{t('threads.composer.closedKept', { reason: review.rights.comment.reason })}</p>}
      <form onSubmit={submit} noValidate>
        <KindField value={draft.kind} onChange={(kind) => update({ kind })} />
        {isSecretariat && <OnBehalfField value={onBehalf} onChange={setOnBehalf} />}
        <CountedTextarea ref={bodyRef} label={t('threads.comment')} required value={draft.body} onChange={(body) => update({ body })} rows={3} testId="composer-body" />
        <CountedTextarea
          label={t('threads.proposedWording')}
          hint={t(words !== null ? 'threads.composer.proposedHintWords' : 'threads.composer.proposedHintSection')}
          value={draft.proposedText}
          onChange={(proposedText) => update({ proposedText })}
          rows={2}
          testId="composer-proposed"
        />
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        {confirmDiscard ? (
          <div className="composer__confirm">
            <p className="composer__confirm-text">{t('threads.composer.discardQuestion')}</p>
            <button type="button" className="button button--warning" onClick={close}>
              {t('threads.composer.discard')}
            </button>
            <button type="button" className="button" ref={keepRef} onClick={() => setConfirmDiscard(false)}>
              {t('threads.composer.keepWriting')}
            </button>
          </div>
        ) : (
          <div className="composer__actions">
            <button type="submit" className="button button--primary" disabled={!review.rights.comment.allowed} aria-disabled={busy}>
              {t(busy ? 'threads.composer.sending' : 'threads.composer.submit')}
            </button>
            <button type="button" className="button" onClick={cancel} aria-disabled={busy}>
              {t('threads.cancel')}
            </button>
            <span className="composer__shortcut muted">{t('threads.composer.shortcut')}</span>
          </div>
        )}
      </form>
    </section>
  );
}
