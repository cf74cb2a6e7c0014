/**
 * What the signed-in person may do with the comments of this document now, mirroring the server's
 * rules (shared/access.ts plus the consultation deadline) so the page offers only what would be
 * accepted, and says in one line why not, in the interface's language of the moment (the caller
 * works them out again when it changes). The server still decides.
 */
import type { DocumentDetail, Person, Thread } from '../../shared/api.ts';
import { allowedOn } from '../../shared/access.ts';
import { formatDeadline } from '../format.ts';
import { t } from '../i18n/intl.ts';

export type Ability = { allowed: true; reason: null } | { allowed: false; reason: string };

export interface ReviewRights {
  person: Person;
  /** Open threads and reply to them. */
  comment: Ability;
  endorse: Ability;
  /** Give dispositions, responses and assignees. */
  dispose: boolean;
  /** Put proposed wording into the text. */
  apply: boolean;
  /** Pick any assignee (the Secretariat can list people; the working group assigns itself). */
  assignAnyone: boolean;
}

const YES: Ability = { allowed: true, reason: null };
const no = (reason: string): Ability => ({ allowed: false, reason });

export function deadlinePassed(detail: Pick<DocumentDetail, 'phase' | 'deadline'>, now: number): boolean {
  return detail.phase === 'consultation' && detail.deadline !== null && Date.parse(detail.deadline) <= now;
}

function commentAbility(person: Person, detail: DocumentDetail, now: number): Ability {
  if (detail.archived) return no(t('threads.rights.archived'));
  if (detail.phase === 'adopted') return no(t('threads.rights.adopted'));
  if (!allowedOn(person.role, 'thread.comment', detail)) {
    if (person.role === 'participant') return no(t('threads.rights.participants'));
    if (person.role === 'reviewer') return no(t('threads.rights.reviewers'));
    return no(t('threads.rights.closedInPhase'));
  }
  if (deadlinePassed(detail, now)) {
    return no(t('threads.rights.deadlinePassed', { deadline: formatDeadline(detail.deadline)?.text ?? detail.deadline }));
  }
  return YES;
}

export function reviewRights(person: Person, detail: DocumentDetail, now: number): ReviewRights {
  const comment = commentAbility(person, detail, now);
  const endorse = allowedOn(person.role, 'thread.endorse', detail) ? comment : comment.allowed ? no(t('threads.rights.endorseClosed')) : comment;
  return {
    person,
    comment,
    endorse,
    dispose: allowedOn(person.role, 'thread.dispose', detail),
    apply: allowedOn(person.role, 'thread.apply', detail),
    // Everyone who answers comments may hand one to any working-group member or the Secretariat.
    assignAnyone: allowedOn(person.role, 'thread.dispose', detail),
  };
}

export const isOwn = (thread: Thread, person: Person) => thread.author.id === person.id;

/** Authors may reword or withdraw their comment while it is open and commenting is allowed. */
export const mayChangeOwn = (thread: Thread, rights: ReviewRights) => isOwn(thread, rights.person) && thread.status === 'open' && rights.comment.allowed;

/** A reply's author may change or withdraw it under the same rules as their own comment. */
export const mayChangeOwnReply = (thread: Thread, reply: Thread['replies'][number], rights: ReviewRights) =>
  reply.author.id === rights.person.id && thread.status === 'open' && rights.comment.allowed;

/** Authors answer the working group's disposition of their own comment, until adoption. */
export const mayReact = (thread: Thread, rights: ReviewRights, detail: DocumentDetail) =>
  isOwn(thread, rights.person) && thread.status !== 'open' && detail.phase !== 'adopted';

/** Whether the apply button can be offered for this thread at all. */
export const mayApply = (thread: Thread, rights: ReviewRights) => rights.apply && Boolean(thread.proposedText) && thread.anchor !== null && !thread.applied;
