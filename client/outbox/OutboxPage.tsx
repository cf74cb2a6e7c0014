/**
 * /outbox, for the Secretariat: every e-mail Accord queued, sent or could not send (with the mail
 * server's answer). Without SMTP_URL nothing is sent: each message is an .eml file to open here.
 */
import { useCallback } from 'react';
import { may } from '../../shared/access.ts';
import type { OutboxMessage } from '../../shared/notifications.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { Forbidden, LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { usePerson } from '../session.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { emlUrl, outboxApi } from './outboxApi.ts';
import '../components/pages.css';
import '../components/tables.css';

const STATUS_LABELS: Record<OutboxMessage['status'], string> = { queued: 'Waiting to be sent', sending: 'Sending', sent: 'Sent', failed: 'Failed' };

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');

export function OutboxPage() {
  useDocumentTitle('Outbox');
  const me = usePerson();
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        <h1>Outbox</h1>
        {may(me.role, 'people.manage') ? <OutboxList /> : <Forbidden />}
      </main>
    </>
  );
}

function OutboxList() {
  const load = useCallback(() => outboxApi.list(), []);
  const { state, retry } = useResource(load);
  if (state.status === 'loading') return <p>Loading…</p>;
  if (state.status === 'error') return <LoadError failure={state} onRetry={retry} />;
  const { mode, messages } = state.data;
  return (
    <>
      <p className="lead">
        {mode === 'outbox'
          ? 'No mail server is configured (SMTP_URL), so nothing leaves Accord: each message is written as an .eml file, which you can open below. README explains how to connect a mail server.'
          : 'Every e-mail Accord has sent or is about to send, newest first. Temporary failures are retried; a permanent failure shows the mail server’s answer.'}
      </p>
      <p>
        <button type="button" className="button" onClick={() => void retry()}>
          Refresh
        </button>
      </p>
      {messages.length === 0 ? (
        <p data-testid="outbox-empty">No e-mails yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="outbox-table">
            <thead>
              <tr>
                <th scope="col">Queued</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
                {mode === 'outbox' && <th scope="col">Message</th>}
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} data-status={m.status}>
                  <td>{when(m.createdAt)}</td>
                  <td>{m.to}</td>
                  <td>{m.subject}</td>
                  <td>
                    {STATUS_LABELS[m.status]}
                    {m.status === 'sent' && m.sentAt && <div className="muted">{when(m.sentAt)}</div>}
                    {m.status === 'queued' && m.attempts > 0 && <div className="muted">Retry {m.attempts}, next at {when(m.nextAttemptAt)}</div>}
                    {m.interruptedAt && (
                      <div className="muted" data-testid="outbox-interrupted">
                        Accord stopped while handing this message to the mail server ({when(m.interruptedAt)}). It was sent again with the same Message-ID, so the person may have received it twice (some mail systems keep only one copy).
                      </div>
                    )}
                    {m.lastError && <div className={m.status === 'failed' ? 'field__error' : 'muted'}>Mail server: {m.lastError}</div>}
                  </td>
                  {mode === 'outbox' && (
                    <td>
                      {m.hasEml ? (
                        <a href={emlUrl(m.id)} target="_blank" rel="noreferrer">
                          Open .eml
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
