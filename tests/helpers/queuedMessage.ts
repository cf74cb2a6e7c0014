/** A message as the mail queue holds it before it is sent: a fresh id, key and Message-ID each time. */
import { randomUUID } from 'node:crypto';
import type { QueuedMessage } from '../../server/mail/mailStore.ts';

export const queuedMessage = (): QueuedMessage => ({
  id: randomUUID(),
  key: `test:${randomUUID()}`,
  kind: 'invitation',
  messageId: `<${randomUUID()}@example.org>`,
  personId: null,
  toName: 'Ada',
  toAddress: 'ada@example.org',
  subject: 'Hello',
  text: 'Hello',
  html: '<p>Hello</p>',
  unsubscribeUrl: null,
  status: 'queued',
  attempts: 0,
  nextAttemptAt: new Date().toISOString(),
  lastError: null,
  createdAt: new Date().toISOString(),
  sentAt: null,
  emlFile: null,
});
