/**
 * E-mail notifications: the languages a person may read them in, the kinds of message a person can
 * choose about, and how each is delivered. Data only, used by the server and the settings page.
 */

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

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

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  'consultation-opened': 'A consultation opens',
  'deadline-reminder': 'Reminders before a deadline',
  'comment-answered': 'Your comment was answered',
  reply: 'A reply to your comment',
  'final-review': 'Final review opens, and its reminders',
  adopted: 'A text is adopted',
};

export const DELIVERY_LABELS: Record<Delivery, string> = {
  immediately: 'At once',
  daily: 'Daily digest',
  never: 'Never',
};

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
