/**
 * E-mail notifications: the languages a person may read them in, the kinds of message a person can
 * choose about, and how each is delivered. Data only, used by the server and the settings page.
 */

// The languages live with the interface's (shared/i18n); e-mails are written in the same ones.
export { LANGUAGES, type Language } from './i18n/languages.ts';

/** Kinds a person chooses about. Invitations and sign-in links are always sent and are not here. */
export const NOTIFICATION_KINDS = ['consultation-opened', 'deadline-reminder', 'comment-answered', 'reply', 'final-review', 'adopted'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DELIVERIES = ['immediately', 'daily', 'never'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export type NotificationSettings = Record<NotificationKind, Delivery>;

/** Answers come in a daily digest unless a person asks for them at once; everything else at once. */
export const DEFAULT_NOTIFICATIONS: NotificationSettings = {
  'consultation-opened': 'immediately',
  'deadline-reminder': 'immediately',
  'comment-answered': 'daily',
  reply: 'immediately',
  'final-review': 'immediately',
  adopted: 'immediately',
};

export const notificationSettings = (stored: Partial<NotificationSettings> | undefined): NotificationSettings => ({
  ...DEFAULT_NOTIFICATIONS,
  ...stored,
});

// Their names for people are in the catalogues (shared/i18n): notifications.* and delivery.*.

/** What the outbox page shows of one message. */
export interface OutboxMessage {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
  /** The SMTP server's answer to the last failed attempt. */
  lastError: string | null;
  /** True when the message was written to the outbox folder as an .eml file. */
  hasEml: boolean;
  /**
   * When the server stopped while handing this message to the mail server: it was sent again with
   * the same Message-ID and may have arrived twice.
   */
  interruptedAt: string | null;
}
