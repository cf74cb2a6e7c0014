/** The Secretariat's outbox (GET /api/outbox), and e-mailing a sign-in link just shown. */
import type { OutboxMessage } from '../../shared/notifications.ts';
import { requestJson } from '../api.ts';

export interface Outbox {
  /** `outbox`: messages are written as .eml files, not sent (no SMTP_URL). */
  mode: 'smtp' | 'outbox';
  messages: OutboxMessage[];
}

export const emlUrl = (id: string) => `/api/outbox/${encodeURIComponent(id)}/eml`;

export const outboxApi = {
  list: () => requestJson<Outbox>('GET', '/api/outbox'),
  /** E-mails the link the dialog shows (its token), keeping it valid. */
  sendLink: (personId: string, token: string, kind: 'invitation' | 'new-link') =>
    requestJson<{ messageId: string; to: string }>('POST', `/api/people/${encodeURIComponent(personId)}/invitation/email`, { token, kind }),
};
