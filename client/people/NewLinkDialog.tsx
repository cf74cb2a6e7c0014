/**
 * "Copy their link" for someone already invited. Links are never stored, so the only way is a new
 * one, which ends the old: the dialog says this first, then shows the new link once.
 */
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api.ts';
import { Modal } from '../components/Modal.tsx';
import { SignInLink } from '../components/SignInLink.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';
import { peopleApi, type ManagedPerson } from './peopleApi.ts';

export function NewLinkDialog({ person, onClose }: { person: ManagedPerson; onClose: () => void }) {
  const t = useT();
  const [link, setLink] = useState<{ url: string; token: string } | null>(null);
  const url = link?.url ?? null;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const body = useRef<HTMLDivElement>(null);

  // The button that was pressed is gone; the link's Copy button is the next thing to use.
  useEffect(() => {
    if (url) body.current?.querySelector<HTMLButtonElement>('.copy-field button')?.focus();
  }, [url]);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await peopleApi.newLink(person.id);
      setLink({ url: result.inviteUrl, token: result.inviteToken });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t(url ? 'newLink.titleDone' : 'newLink.titleAsk', { name: person.name })} initialFocus={cancel} onClose={onClose} testId="new-link-dialog">
      {(close, ids) => (
        <div id={ids.body} ref={body}>
          {url ? (
            <>
              <SignInLink name={person.name} url={url} replaced email={link ? { personId: person.id, token: link.token, kind: 'new-link' } : undefined} />
              <div className="dialog__actions">
                <button type="button" className="button" onClick={close}>
                  {t('people.done')}
                </button>
              </div>
            </>
          ) : (
            <>
              <p>{t('newLink.explain', { name: person.name })}</p>
              <p className="muted">{t('newLink.devices')}</p>
              {error && (
                <p className="field__error" role="alert">
                  {error}
                </p>
              )}
              <div className="dialog__actions">
                <button type="button" className="button button--primary" disabled={busy} onClick={() => void create()}>
                  {busy ? t('newLink.creating') : t('newLink.create')}
                </button>
                <button type="button" className="button" ref={cancel} disabled={busy} onClick={close}>
                  {t('dialog.cancel')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
