/**
 * /outbox, for the Secretariat: every e-mail Accord queued, sent or could not send (with the mail
 * server's answer). Without SMTP_URL nothing is sent: each message is an .eml file to open here.
 */
import { useCallback } from 'react';
import { may } from '../../shared/access.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { Forbidden, LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { usePerson } from '../session.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { emlUrl, outboxApi } from './outboxApi.ts';
import '../components/pages.css';
import '../components/tables.css';
import { useT } from '../i18n/LanguageProvider.tsx';
import { formatDateTime } from '../components/dates.ts';

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '');

export function OutboxPage() {
  const t = useT();
  useDocumentTitle(t('header.outbox'));
  const me = usePerson();
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        <h1>{t('header.outbox')}</h1>
        {may(me.role, 'people.manage') ? <OutboxList /> : <Forbidden />}
      </main>
    </>
  );
}

function OutboxList() {
  const t = useT();
  const load = useCallback(() => outboxApi.list(), []);
  const { state, retry } = useResource(load);
  if (state.status === 'loading') return <output className="placeholder">{t('app.loadingPage')}</output>;
  if (state.status === 'error') return <LoadError failure={state} onRetry={retry} />;
  const { mode, messages } = state.data;
  return (
    <>
      <p className="lead">
        {mode === 'outbox' ? t('outbox.leadFiles') : t('outbox.leadSmtp')}
      </p>
      <p>
        <button type="button" className="button" onClick={() => void retry()}>
          {t('outbox.refresh')}
        </button>
      </p>
      {messages.length === 0 ? (
        <p data-testid="outbox-empty">{t('outbox.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="outbox-table">
            <thead>
              <tr>
                <th scope="col">{t('outbox.colQueued')}</th>
                <th scope="col">{t('outbox.colTo')}</th>
                <th scope="col">{t('outbox.colSubject')}</th>
                <th scope="col">{t('outbox.colStatus')}</th>
                {mode === 'outbox' && <th scope="col">{t('outbox.colMessage')}</th>}
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} data-status={m.status}>
                  <td>{when(m.createdAt)}</td>
                  <td>{m.to}</td>
                  <td>{m.subject}</td>
                  <td>
                    {t(`outbox.status.${m.status}`)}
                    {m.status === 'sent' && m.sentAt && <div className="muted">{when(m.sentAt)}</div>}
                    {m.status === 'queued' && m.attempts > 0 && <div className="muted">{t('outbox.retry', { attempts: m.attempts, next: when(m.nextAttemptAt) })}</div>}
                    {m.interruptedAt && (
                      <div className="muted" data-testid="outbox-interrupted">
                        {t('outbox.interrupted', { when: when(m.interruptedAt) })}
                      </div>
                    )}
                    {m.lastError && <div className={m.status === 'failed' ? 'field__error' : 'muted'}>{t('outbox.mailServer', { answer: m.lastError })}</div>}
                  </td>
                  {mode === 'outbox' && (
                    <td>
                      {m.hasEml ? (
                        <a href={emlUrl(m.id)} target="_blank" rel="noreferrer">
                          {t('outbox.openEml')}
                        </a>
                      ) : (
                        ''
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
