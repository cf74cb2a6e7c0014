/**
 * Writing a new comment: its kind, the comment, and optionally new wording (prefilled with the
 * selected words, so people edit rather than retype). The draft is kept (useDraft) until it is sent
 * or discarded. Ctrl+Enter sends from any text box; Escape cancels.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_COMMENT_CHARS } from '../../shared/limits.ts';
import { errorMessage, threadApi } from '../api.ts';
import { CountedTextarea } from './CountedTextarea.tsx';
import { KindField } from './KindField.tsx';
import { NOBODY, OnBehalfField, onBehalfFields, type OnBehalf } from './OnBehalfField.tsx';
import { useReview } from './ReviewContext.tsx';
import type { Draft } from './useDraft.ts';

export function Composer() {
  const review = useReview();
  const { draft, setDraft, composerFocus, sections } = review;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [onBehalf, setOnBehalf] = useState<OnBehalf>(NOBODY);
  const isSecretariat = review.rights.person.role === 'secretariat';
  const kindRef = useRef<HTMLInputElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (composerFocus === 0) return;
    sectionRef.current?.scrollIntoView({ block: 'nearest' });
    kindRef.current?.focus();
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
    if (draft.body.trim() && !confirmDiscard) setConfirmDiscard(true);
    else close();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const body = draft.body.trim();
    if (!body) {
      setError('Write your comment before sending it.');
      return;
    }
    if (body.length > MAX_COMMENT_CHARS || draft.proposedText.length > MAX_COMMENT_CHARS) {
      setError(`A comment and its proposed wording may each be at most ${MAX_COMMENT_CHARS.toLocaleString('en-GB')} characters.`);
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
      review.announce('Your comment was posted.');
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
        New comment
      </h3>
      <p className="composer__target">
        {words !== null ? (
          <>
            On <span className="composer__section">{section ? `${section.number} ${section.title}` : 'this section'}</span>:{' '}
            <q className="composer__quote">{words}</q>
          </>
        ) : (
          <>
            On the whole section <span className="composer__section">{section ? `${section.number} ${section.title}` : ''}</span>
          </>
        )}
      </p>
      {!review.rights.comment.allowed && <p className="composer__closed">{review.rights.comment.reason} Your draft is kept here so you can copy it.</p>}
      <form onSubmit={submit} noValidate>
        <KindField value={draft.kind} onChange={(kind) => update({ kind })} firstRef={kindRef} />
        {isSecretariat && <OnBehalfField value={onBehalf} onChange={setOnBehalf} />}
        <CountedTextarea label="Comment" required value={draft.body} onChange={(body) => update({ body })} rows={3} testId="composer-body" />
        <CountedTextarea
          label="Proposed wording"
          hint={words !== null ? 'Edit these words to propose new wording; leave them unchanged to propose none.' : 'New wording for this section, if you have some.'}
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
            <p className="composer__confirm-text">Discard this comment? What you wrote will be lost.</p>
            <button type="button" className="button button--warning" onClick={close}>
              Discard
            </button>
            <button type="button" className="button" ref={keepRef} onClick={() => setConfirmDiscard(false)}>
              Keep writing
            </button>
          </div>
        ) : (
          <div className="composer__actions">
            <button type="submit" className="button button--primary" disabled={busy || !review.rights.comment.allowed}>
              {busy ? 'Sending…' : 'Submit comment'}
            </button>
            <button type="button" className="button" onClick={cancel} disabled={busy}>
              Cancel
            </button>
            <span className="composer__shortcut muted">Ctrl+Enter sends</span>
          </div>
        )}
      </form>
    </section>
  );
}
