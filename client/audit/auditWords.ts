/**
 * The audit log in words: what each action means, what it happened to, and its details as a
 * sentence rather than JSON. Unknown actions still show, in their raw form, so nothing is hidden.
 */
import { PHASE_LABELS, ROLE_LABELS, STAKEHOLDER_LABELS, THREAD_STATUS_LABELS, type Phase, type Role, type Stakeholder, type ThreadStatus } from '../../shared/domain.ts';
import { formatDeadline } from '../format.ts';
import { formatDate } from '../components/dates.ts';
import { countryName } from '../people/countries.ts';
import { DECISIONS, type Decision } from '../review/decisions.ts';
import { t } from '../i18n/intl.ts';
import type { AuditEvent } from './auditApi.ts';

export const ACTION_LABELS: Record<string, string> = {
  'session.sign-in': 'Signed in',
  'session.sign-out': 'Signed out',
  'person.invite': 'Invited a person',
  'person.update': 'Changed a person’s details',
  'person.deactivate': 'Deactivated a person',
  'person.reactivate': 'Reactivated a person',
  'person.renew-link': 'Created a new sign-in link',
  'member.add': 'Added a member to a document',
  'member.role': 'Changed a member’s role on a document',
  'member.remove': 'Removed a member from a document',
  'document.phase': 'Moved a document to another phase',
  'document.deadline': 'Moved a deadline',
  'version.create': 'Named a version',
  'version.restore': 'Restored a version',
  'thread.disposition': 'Answered a comment',
  'thread.apply': 'Put a proposed wording into the text',
  'thread.unapply': 'Undid a proposed wording put into the text',
  'thread.withdraw': 'Withdrew a comment',
  'thread.enter': 'Entered a comment received by e-mail',
  'comments.import': 'Imported a table of comments',
  'reply.withdraw': 'Withdrew a reply',
  signoff: 'Signed off the final text',
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;

/** Names for the ids the log refers to, from the people and documents lists. */
export interface Names {
  people: ReadonlyMap<string, string>;
  documents: ReadonlyMap<string, string>;
}

export function targetText(event: AuditEvent, names: Names): string {
  if (!event.target) return '';
  if (event.action.startsWith('thread.') || event.action.startsWith('reply.')) {
    const ref = event.detail?.ref;
    return typeof ref === 'string' ? `Comment ${ref}` : 'A comment';
  }
  return names.people.get(event.target) ?? names.documents.get(event.target) ?? event.target;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value));
const quote = (value: unknown, max = 120): string => {
  const s = text(value).replace(/\s+/g, ' ').trim();
  return `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;
};
const phase = (value: unknown) => PHASE_LABELS[value as Phase] ?? text(value);
const status = (value: unknown) => THREAD_STATUS_LABELS[value as ThreadStatus] ?? text(value);

/** One changed field of a person, in words. */
function personField(key: string, value: unknown): string {
  switch (key) {
    case 'role':
      return `role: ${ROLE_LABELS[value as Role] ?? text(value)}`;
    case 'country':
      return `country: ${countryName(text(value))}`;
    case 'stakeholder':
      return `stakeholder group: ${STAKEHOLDER_LABELS[value as Stakeholder] ?? text(value)}`;
    case 'active':
      return value ? 'access restored' : 'access ended, signed out';
    default:
      return `${key}: ${text(value)}`;
  }
}

export function detailText(event: AuditEvent): string {
  const d = event.detail ?? {};
  switch (event.action) {
    case 'person.invite':
      return `${text(d.name)} as ${ROLE_LABELS[d.role as Role] ?? text(d.role)}`;
    case 'person.update':
    case 'person.deactivate':
    case 'person.reactivate':
      return Object.entries(d)
        .map(([key, value]) => personField(key, value))
        .join('; ');
    case 'person.renew-link':
      return 'The previous link stopped working';
    case 'member.add':
      return `${text(d.name)} as ${ROLE_LABELS[d.role as Role] ?? text(d.role)}`;
    case 'member.role':
      return `${text(d.name)}: from ${ROLE_LABELS[d.from as Role] ?? text(d.from)} to ${ROLE_LABELS[d.role as Role] ?? text(d.role)}`;
    case 'member.remove':
      return `${text(d.name)}; what they wrote stays`;
    case 'document.phase': {
      const deadline = formatDeadline(typeof d.deadline === 'string' ? d.deadline : null);
      return `From ${phase(d.from)} to ${phase(d.to)}${deadline && d.to === 'consultation' ? `; comments until ${deadline.text}` : ''}`;
    }
    case 'document.deadline': {
      const to = formatDeadline(typeof d.to === 'string' ? d.to : null);
      return to ? `Comments until ${to.text}` : 'No deadline';
    }
    case 'thread.enter':
      return `For ${text(d.authorName)}`;
    case 'comments.import': {
      const refs = Array.isArray(d.refs) ? d.refs.map(text) : [];
      const file = d.fileName ? ` from ${quote(d.fileName)}` : '';
      const received = typeof d.receivedAt === 'string' ? `, received on ${formatDate(d.receivedAt)}` : '';
      return `${text(d.count)} comments${file}${received}${refs.length ? ` (${refs.join(', ')})` : ''}`;
    }
    case 'reply.withdraw':
      return quote(d.body);
    case 'version.create':
    case 'version.restore':
      return quote(d.name);
    case 'thread.disposition':
      return `From “${status(d.from)}” to “${status(d.to)}”`;
    case 'thread.apply':
      return `Replaced ${quote(d.replaced, 60)} with ${quote(d.with, 60)}`;
    case 'thread.unapply':
      return `Put back ${quote(d.restored, 60)} in place of ${quote(d.removed, 60)}; the answer went back from “${status(d.from)}” to “${status(d.to)}”`;
    case 'thread.withdraw':
      return quote(d.body);
    case 'signoff':
      return (DECISIONS as readonly string[]).includes(String(d.decision)) ? t(`decision.${d.decision as Decision}`) : text(d.decision);
    default:
      return Object.entries(d)
        .map(([key, value]) => `${key}: ${text(value)}`)
        .join('; ');
  }
}
