/** "Send by e-mail" beside a sign-in link's Copy button: e-mails that same link to the person. */
import { useState } from 'react';
import { errorMessage } from '../api.ts';
import { outboxApi } from './outboxApi.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

export interface LinkToSend {
  personId: string;
  token: string;
  kind: 'invitation' | 'new-link';
}

export function SendLinkButton({ link }: { link: LinkToSend }) {
  const t = useT();
  const [state, setState] = useState<{ status: 'idle' | 'busy' } | { status: 'sent'; to: string } | { status: 'error'; message: string }>({ status: 'idle' });
  const send = async () => {
    setState({ status: 'busy' });
    try {
      const { to } = await outboxApi.sendLink(link.personId, link.token, link.kind);
      setState({ status: 'sent', to });
    } catch (failure) {
      setState({ status: 'error', message: errorMessage(failure) });
    }
  };
  return (
    <>
      <button type="button" className="button" disabled={state.status === 'busy' || state.status === 'sent'} onClick={() => void send()} data-testid="send-link-by-email">
        {t(state.status === 'sent' ? 'outbox.linkSent' : state.status === 'busy' ? 'outbox.sendingLink' : 'outbox.sendLink')}
      </button>
      <output className="muted">{state.status === 'sent' ? t('outbox.linkQueued', { to: state.to }) : ''}</output>
      {state.status === 'error' && (
        <span className="field__error" role="alert">
          {state.message}
        </span>
      )}
    </>
  );
}
