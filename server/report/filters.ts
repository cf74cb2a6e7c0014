/**
 * The report's options applied to threads: which threads it reports (stakeholder group, status),
 * and how it shows them (with or without replies, named or anonymous). Never changes the input.
 */
import type { Reply, Thread, ThreadAuthor } from '../../shared/api.ts';
import type { ReportOptions, ReportReply } from './types.ts';

/** The threads the stakeholder and status options keep; sections are chosen when grouping. */
export function selectThreads<T extends Thread>(threads: readonly T[], options: ReportOptions): T[] {
  const stakeholders = options.stakeholders && new Set(options.stakeholders);
  const statuses = options.statuses && new Set(options.statuses);
  return threads.filter((t) => (!stakeholders || stakeholders.has(t.author.stakeholder)) && (!statuses || statuses.has(t.status)));
}

/** What remains of a person in the anonymous edition: where they come from, never who they are. */
export function anonymousAuthor(author: ThreadAuthor): ThreadAuthor {
  return {
    id: '',
    name: author.country ? `Participant from ${author.country}` : 'Participant',
    country: author.country,
    organisation: '',
    stakeholder: author.stakeholder,
  };
}

/** The working group answers as a body; in the anonymous edition its members are not named either. */
const WORKING_GROUP = 'Working group';
const SECRETARIAT = 'Secretariat';

/** A reply of the working group or the Secretariat is the body's answer, whoever typed it. */
function replyAuthor(reply: Reply): ThreadAuthor {
  const side = (reply as Partial<ReportReply>).speaksFor;
  if (!side) return anonymousAuthor(reply.author);
  return { id: '', name: side === 'working-group' ? WORKING_GROUP : SECRETARIAT, country: '', organisation: '', stakeholder: reply.author.stakeholder };
}

/** A thread as the report shows it under these options. */
export function presentThread<T extends Thread>(thread: T, options: ReportOptions): T {
  const replies: Reply[] = options.replies ? thread.replies : [];
  if (!options.anonymous) return replies === thread.replies ? thread : { ...thread, replies };
  return {
    ...thread,
    author: anonymousAuthor(thread.author),
    replies: replies.map((r) => ({ ...r, author: replyAuthor(r) })),
    // The count of endorsements is part of the record; who endorsed is not.
    endorsements: thread.endorsements.map(() => ''),
    assigneeId: null,
    dispositions: thread.dispositions.map((d) => ({ ...d, assigneeId: null, by: WORKING_GROUP })),
    applied: thread.applied && { ...thread.applied, by: WORKING_GROUP },
    received: thread.received && { ...thread.received, enteredBy: SECRETARIAT },
  };
}
