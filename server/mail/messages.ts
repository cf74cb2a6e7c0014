/**
 * What each message says, in the recipient's language: the invitation and sign-in link, the
 * consultation opening and its reminders, answers and replies, final review and its reminder,
 * adoption, and the daily digest. docs/EMAIL.md shows an example of each.
 */
import { randomUUID } from 'node:crypto';
import type { PersonRecord } from '../storage/records.ts';
import type { Language, NotificationKind } from '../../shared/notifications.ts';
import type { ThreadStatus } from '../../shared/domain.ts';
import type { MessageKind, QueuedMessage } from './mailStore.ts';
import { renderHtml, renderText, type MessageParts } from './compose.ts';
import { formatDeadline, WORDS, type Words } from './words.ts';
import { unsubscribeToken } from './unsubscribe.ts';
import { headerSafe } from './mime.ts';

export interface MessageContext {
  /** The server's public address, e.g. https://accord.example.org */
  baseUrl: string;
  secret: string;
  timeZone: string;
  now: Date;
}

export interface DocumentRef {
  id: string;
  title: string;
  deadline: string | null;
}

type Body = Omit<MessageParts, 'greeting' | 'footer' | 'footerLinks'>;

export const languageOf = (person: Pick<PersonRecord, 'language'>): Language => person.language ?? 'en';
export const documentUrl = (ctx: MessageContext, documentId: string, view = '') => `${ctx.baseUrl}/documents/${encodeURIComponent(documentId)}${view}`;
const domainOf = (ctx: MessageContext) => new URL(ctx.baseUrl).hostname || 'localhost';

/** A message ready to queue; `choosable` kinds get the one-click unsubscribe link and footer. */
export function makeMessage(ctx: MessageContext, person: PersonRecord, kind: MessageKind, key: string, body: (w: Words) => Body): QueuedMessage {
  const language = languageOf(person);
  const w = WORDS[language];
  const choosable = kind !== 'invitation' && kind !== 'sign-in-link';
  // The digest gathers answers; unsubscribing from it stops answers.
  const unsubscribeKind: NotificationKind | null = !choosable ? null : kind === 'digest' ? 'comment-answered' : kind;
  const unsubscribeUrl = unsubscribeKind ? `${ctx.baseUrl}/unsubscribe/${unsubscribeToken(ctx.secret, person.id, unsubscribeKind)}` : null;
  const content = body(w);
  const parts: MessageParts = {
    ...content,
    greeting: w.greeting(headerSafe(person.name)),
    footer: [w.footer.why],
    footerLinks: unsubscribeUrl
      ? [
          { label: w.footer.choose, url: `${ctx.baseUrl}/settings` },
          { label: w.footer.unsubscribe, url: unsubscribeUrl },
        ]
      : [],
  };
  const id = randomUUID();
  const at = ctx.now.toISOString();
  return {
    id,
    key,
    kind,
    messageId: `<${id}@${domainOf(ctx)}>`,
    personId: person.id,
    toName: person.name,
    toAddress: person.email,
    subject: parts.subject,
    text: renderText(parts, language),
    html: renderHtml(parts, language),
    unsubscribeUrl,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: at,
    lastError: null,
    createdAt: at,
    sentAt: null,
    emlFile: null,
  };
}

export const invitationBody = (signInUrl: string, person: PersonRecord, renewed: boolean) => (w: Words): Body =>
  renewed
    ? { subject: w.signInLink.subject, paragraphs: [w.signInLink.intro], action: { label: w.signInLink.action, url: signInUrl }, after: [w.signInLink.personal] }
    : { subject: w.invitation.subject, paragraphs: [w.invitation.intro(w.roles[person.role])], action: { label: w.invitation.action, url: signInUrl }, after: [w.invitation.personal] };

const deadlineIn = (ctx: MessageContext, w: Words, deadline: string | null) => (deadline ? formatDeadline(deadline, w === WORDS.fr ? 'fr' : 'en', ctx.timeZone) : null);

export const consultationOpenedBody = (ctx: MessageContext, doc: DocumentRef) => (w: Words): Body => {
  const deadline = deadlineIn(ctx, w, doc.deadline);
  return { subject: w.consultationOpened.subject(doc.title, deadline), paragraphs: [w.consultationOpened.intro(doc.title, deadline)], action: { label: w.consultationOpened.action, url: documentUrl(ctx, doc.id) } };
};

export const deadlineMovedBody = (ctx: MessageContext, doc: DocumentRef) => (w: Words): Body => {
  const deadline = deadlineIn(ctx, w, doc.deadline);
  return { subject: w.deadlineMoved.subject(doc.title, deadline), paragraphs: [w.deadlineMoved.intro(doc.title, deadline)], action: { label: w.deadlineMoved.action, url: documentUrl(ctx, doc.id) } };
};

export const reminderBody = (ctx: MessageContext, doc: DocumentRef & { deadline: string }, hours: number, finalReview: boolean) => (w: Words): Body => {
  const deadline = deadlineIn(ctx, w, doc.deadline)!;
  const words = finalReview ? w.finalReminder : w.reminder;
  return {
    subject: words.subject(doc.title, w.hoursLeft(hours)),
    paragraphs: [words.intro(doc.title, deadline)],
    action: { label: words.action, url: documentUrl(ctx, doc.id, finalReview ? '/review' : '') },
  };
};

export const answeredBody = (ctx: MessageContext, doc: DocumentRef, status: ThreadStatus, response: string | null) => (w: Words): Body => ({
  subject: w.answered.subject(doc.title),
  paragraphs: [w.answered.intro(doc.title, w.statuses[status]), ...(response ? [w.answered.response] : [])],
  quote: response,
  action: { label: w.answered.action, url: documentUrl(ctx, doc.id) },
});

export const replyBody = (ctx: MessageContext, doc: DocumentRef, name: string, reply: string) => (w: Words): Body => {
  const replierName = headerSafe(name);
  return {
  subject: w.reply.subject(doc.title, replierName),
  paragraphs: [w.reply.intro(replierName, doc.title)],
  quote: reply,
  action: { label: w.reply.action, url: documentUrl(ctx, doc.id) },
  };
};

export const finalReviewBody = (ctx: MessageContext, doc: DocumentRef) => (w: Words): Body => ({
  subject: w.finalReview.subject(doc.title),
  paragraphs: [w.finalReview.intro(doc.title, deadlineIn(ctx, w, doc.deadline))],
  action: { label: w.finalReview.action, url: documentUrl(ctx, doc.id, '/review') },
});

export const adoptedBody = (ctx: MessageContext, doc: DocumentRef) => (w: Words): Body => ({
  subject: w.adopted.subject(doc.title),
  paragraphs: [w.adopted.intro(doc.title)],
  action: { label: w.adopted.action, url: documentUrl(ctx, doc.id) },
});

export const digestBody = (ctx: MessageContext, items: Array<{ documentTitle: string; line: string; url: string }>) => (w: Words): Body => ({
  subject: w.digest.subject(items.length),
  paragraphs: [w.digest.intro],
  items: items.map((i) => ({ text: `${i.documentTitle}: ${i.line}`, url: i.url })),
  action: { label: w.digest.action, url: ctx.baseUrl },
});

/** The digest's line for one answer or reply, in the person's language. */
export function digestLine(language: Language, item: { kind: 'comment-answered'; status: ThreadStatus; comment: string } | { kind: 'reply'; name: string; body: string }): string {
  const w = WORDS[language];
  const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s);
  return item.kind === 'comment-answered' ? w.answered.line(w.statuses[item.status], clip(item.comment)) : w.reply.line(item.name, clip(item.body));
}
