/**
 * The report's options applied to threads: which threads it reports (stakeholder group, status),
 * and how it shows them (with or without replies, named or anonymous). Never changes the input.
 */
import type { Reply, Thread, ThreadAuthor } from '../../shared/api.ts';
import { participantName, SECRETARIAT, WORKING_GROUP } from './labels.ts';
import type { ReportOptions, ReportThread } from './types.ts';

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
    name: participantName(author.country),
    country: author.country,
    organisation: '',
    stakeholder: author.stakeholder,
  };
}

/**
 * Who speaks for a body rather than for themselves: the Secretariat (a role across all documents)
 * and the working group of the document (a role on it). Keyed by person id.
 */
export type Voices = ReadonlyMap<string, 'secretariat' | 'working-group'>;

/** A reply of the working group or the Secretariat reads as the body's, without its member's name. */
function bodyAuthor(author: ThreadAuthor, voice: 'secretariat' | 'working-group'): ThreadAuthor {
  return { id: '', name: voice === 'secretariat' ? SECRETARIAT : WORKING_GROUP, country: '', organisation: '', stakeholder: author.stakeholder };
}

/** A thread as the report shows it under these options. */
export function presentThread(thread: ReportThread, options: ReportOptions, voices: Voices = new Map()): ReportThread {
  const replies: Reply[] = options.replies ? thread.replies : [];
  if (!options.anonymous) return replies === thread.replies ? thread : { ...thread, replies };
  const replyAuthor = (author: ThreadAuthor) => {
    const voice = voices.get(author.id);
    return voice ? bodyAuthor(author, voice) : anonymousAuthor(author);
  };
  return {
    ...thread,
    author: anonymousAuthor(thread.author),
    replies: replies.map((r) => ({ ...r, author: replyAuthor(r.author) })),
    // The count of endorsements and the endorsers' countries are part of the record; who endorsed is not.
    endorsements: thread.endorsements.map(() => ''),
    endorsedBy: [],
    assigneeId: null,
    dispositions: thread.dispositions.map((d) => ({ ...d, assigneeId: null, by: WORKING_GROUP })),
    applied: thread.applied && { ...thread.applied, by: WORKING_GROUP },
    received: thread.received && { ...thread.received, enteredBy: SECRETARIAT },
  };
}
