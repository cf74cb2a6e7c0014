/**
 * The report's options applied to threads: which threads it reports (stakeholder group, status),
 * and how it shows them (with or without replies, named or anonymous). Never changes the input.
 */
import type { Thread, ThreadAuthor } from '../../shared/api.ts';
import type { ReportWords } from './words.ts';
import type { ReportOptions, ReportReply, ReportThread } from './types.ts';

/** The threads the stakeholder and status options keep; sections are chosen when grouping. */
export function selectThreads<T extends Thread>(threads: readonly T[], options: ReportOptions): T[] {
  const stakeholders = options.stakeholders && new Set(options.stakeholders);
  const statuses = options.statuses && new Set(options.statuses);
  return threads.filter((t) => (!stakeholders || stakeholders.has(t.author.stakeholder)) && (!statuses || statuses.has(t.status)));
}

/** What remains of a person in the anonymous edition: where they come from, never who they are. */
export function anonymousAuthor(author: ThreadAuthor, w: ReportWords): ThreadAuthor {
  return {
    id: '',
    name: author.country ? w.people.participantFrom(author.country) : w.people.participant,
    country: author.country,
    organisation: '',
    stakeholder: author.stakeholder,
  };
}

/** A reply of the working group or the Secretariat is the body's answer, whoever typed it. */
function replyAuthor(reply: ReportReply, w: ReportWords): ThreadAuthor {
  const side = reply.speaksFor;
  if (!side) return anonymousAuthor(reply.author, w);
  return { id: '', name: side === 'working-group' ? w.people.workingGroup : w.people.secretariat, country: '', organisation: '', stakeholder: reply.author.stakeholder };
}

/** A thread as the report shows it under these options; the bodies named in the words' language. */
export function presentThread(thread: ReportThread, options: ReportOptions, w: ReportWords): ReportThread {
  const replies: ReportReply[] = options.replies ? thread.replies : [];
  if (!options.anonymous) return replies === thread.replies ? thread : { ...thread, replies };
  return {
    ...thread,
    author: anonymousAuthor(thread.author, w),
    replies: replies.map((r) => ({ ...r, author: replyAuthor(r, w) })),
    // The count of endorsements and the endorsers' countries are part of the record; who endorsed is not.
    endorsements: thread.endorsements.map(() => ''),
    endorsedBy: [],
    assigneeId: null,
    dispositions: thread.dispositions.map((d) => ({ ...d, assigneeId: null, by: w.people.workingGroup })),
    applied: thread.applied && { ...thread.applied, by: w.people.workingGroup },
    received: thread.received && { ...thread.received, enteredBy: w.people.secretariat },
  };
}
