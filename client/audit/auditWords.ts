/**
 * The audit log in words, in the interface language: what each action means, what it happened to,
 * and its details as a sentence rather than JSON. Unknown actions still show, in their raw form, so
 * nothing is hidden. Worded when called, so a change of language rewords the log.
 */
import { PHASES, ROLES, STAKEHOLDERS, THREAD_STATUSES, type Phase, type Role, type Stakeholder, type ThreadStatus } from '../../shared/domain.ts';
import { isLanguage, LANGUAGE_NAMES } from '../../shared/i18n/languages.ts';
import { formatDeadline } from '../format.ts';
import { formatDate } from '../components/dates.ts';
import { countryName } from '../people/countries.ts';
import { DECISIONS, type Decision } from '../review/decisions.ts';
import { currentLanguage, t } from '../i18n/intl.ts';
import type { AuditEvent } from './auditApi.ts';

/** The actions the log records that have words of their own (auditAction.* in the catalogues). */
const ACTIONS = [
  'session.sign-in',
  'session.sign-out',
  'person.invite',
  'person.update',
  'person.deactivate',
  'person.reactivate',
  'person.renew-link',
  'member.add',
  'member.role',
  'member.remove',
  'document.phase',
  'document.deadline',
  'version.create',
  'version.restore',
  'thread.disposition',
  'thread.apply',
  'thread.unapply',
  'thread.withdraw',
  'thread.enter',
  'comments.import',
  'reply.withdraw',
  'signoff',
] as const;
type Action = (typeof ACTIONS)[number];
const isAction = (action: string): action is Action => (ACTIONS as readonly string[]).includes(action);

export const actionLabel = (action: string): string => (isAction(action) ? t(`auditAction.${action}`) : action);

/** Names for the ids the log refers to, from the people and documents lists. */
export interface Names {
  people: ReadonlyMap<string, string>;
  documents: ReadonlyMap<string, string>;
}

export function targetText(event: AuditEvent, names: Names): string {
  if (!event.target) return '';
  if (event.action.startsWith('thread.') || event.action.startsWith('reply.')) {
    const ref = event.detail?.ref;
    return typeof ref === 'string' ? t('auditDetail.comment', { ref }) : t('auditDetail.aComment');
  }
  return names.people.get(event.target) ?? names.documents.get(event.target) ?? event.target;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value));
const quote = (value: unknown, max = 120): string => {
  const s = text(value).replace(/\s+/g, ' ').trim();
  return t('auditDetail.quote', { text: s.length > max ? `${s.slice(0, max - 1)}…` : s });
};
const among = <T extends string>(list: readonly T[], value: unknown): value is T => (list as readonly unknown[]).includes(value);
// A value the catalogues do not know (from an older release) is shown as it was stored.
const phase = (value: unknown) => (among<Phase>(PHASES, value) ? t(`phase.${value}`) : text(value));
const status = (value: unknown) => (among<ThreadStatus>(THREAD_STATUSES, value) ? t(`status.${value}`) : text(value));
const role = (value: unknown) => (among<Role>(ROLES, value) ? t(`role.${value}`) : text(value));
const stakeholder = (value: unknown) => (among<Stakeholder>(STAKEHOLDERS, value) ? t(`stakeholder.${value}`) : text(value));
const list = (items: string[]) => new Intl.ListFormat(currentLanguage(), { type: 'unit', style: 'narrow' }).format(items);

/** One changed field of a person, in words. */
function personField(key: string, value: unknown): string {
  switch (key) {
    case 'role':
      return t('auditDetail.role', { role: role(value) });
    case 'country':
      return t('auditDetail.country', { country: countryName(text(value)) });
    case 'stakeholder':
      return t('auditDetail.stakeholder', { group: stakeholder(value) });
    case 'active':
      return value ? t('auditDetail.accessRestored') : t('auditDetail.accessEnded');
    case 'name':
    case 'email':
    case 'organisation':
      return t(`auditDetail.${key}`, { value: text(value) });
    case 'language':
      return t('auditDetail.language', { value: isLanguage(value) ? LANGUAGE_NAMES[value] : text(value) });
    default:
      return `${key}: ${text(value)}`;
  }
}

export function detailText(event: AuditEvent): string {
  const d = event.detail ?? {};
  switch (event.action) {
    case 'person.invite':
    case 'member.add':
      return t('auditDetail.as', { name: text(d.name), role: role(d.role) });
    case 'person.update':
    case 'person.deactivate':
    case 'person.reactivate':
      return Object.entries(d)
        .map(([key, value]) => personField(key, value))
        .join(t('list.separator'));
    case 'person.renew-link':
      return t('auditDetail.linkReplaced');
    case 'member.role':
      return t('auditDetail.memberRole', { name: text(d.name), from: role(d.from), to: role(d.role) });
    case 'member.remove':
      return t('auditDetail.memberRemoved', { name: text(d.name) });
    case 'document.phase': {
      const deadline = formatDeadline(typeof d.deadline === 'string' ? d.deadline : null);
      return deadline && d.to === 'consultation'
        ? t('auditDetail.phaseDeadline', { from: phase(d.from), to: phase(d.to), deadline: deadline.text })
        : t('auditDetail.phase', { from: phase(d.from), to: phase(d.to) });
    }
    case 'document.deadline': {
      const to = formatDeadline(typeof d.to === 'string' ? d.to : null);
      return to ? t('auditDetail.deadline', { deadline: to.text }) : t('auditDetail.noDeadline');
    }
    case 'thread.enter':
      return t('auditDetail.enteredFor', { name: text(d.authorName) });
    case 'comments.import': {
      const refs = Array.isArray(d.refs) ? d.refs.map(text) : [];
      const count = Number(d.count) || 0;
      const comments = d.fileName ? t('auditDetail.importedFrom', { count, file: quote(d.fileName) }) : t('auditDetail.imported', { count });
      const received = typeof d.receivedAt === 'string' ? t('auditDetail.receivedOn', { date: formatDate(d.receivedAt) }) : '';
      return `${comments}${received}${refs.length ? t('auditDetail.refs', { refs: list(refs) }) : ''}`;
    }
    case 'reply.withdraw':
    case 'thread.withdraw':
      return quote(d.body);
    case 'version.create':
    case 'version.restore':
      return quote(d.name);
    case 'thread.disposition':
      return t('auditDetail.disposition', { from: status(d.from), to: status(d.to) });
    case 'thread.apply':
      return t('auditDetail.applied', { replaced: quote(d.replaced, 60), with: quote(d.with, 60) });
    case 'thread.unapply':
      return t('auditDetail.unapplied', { restored: quote(d.restored, 60), removed: quote(d.removed, 60), from: status(d.from), to: status(d.to) });
    case 'signoff':
      return among<Decision>(DECISIONS, d.decision) ? t(`decision.${d.decision}`) : text(d.decision);
    default:
      return Object.entries(d)
        .map(([key, value]) => `${key}: ${text(value)}`)
        .join('; ');
  }
}
