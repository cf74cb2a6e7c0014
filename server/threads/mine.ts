/**
 * A person's own comments across the documents they take part in, newest first, each with its
 * document and its answer: what a participant wants to see after a seminar, "what happened to what
 * I said?", without opening every document.
 */
import type { MyComment } from '../../shared/api.ts';
import type { PersonRecord } from '../storage/records.ts';
import { documentsOf } from '../documents/list.ts';
import { listThreads } from './threads.ts';
import type { ThreadDeps } from './common.ts';

export async function commentsOf(deps: ThreadDeps, person: PersonRecord): Promise<MyComment[]> {
  // The documents the person takes part in (archived ones too: their comments were still theirs).
  const documents = await documentsOf(deps.records, deps.threads, person, { withArchived: true });
  const mine: MyComment[] = [];
  for (const document of documents) {
    // Only documents with a comment of theirs are opened.
    const stored = await deps.threads.list(document.id);
    if (!stored.some((t) => t.authorId === person.id && !t.withdrawnAt)) continue;
    for (const thread of await listThreads(deps, document.id)) {
      if (thread.author.id === person.id) mine.push({ document: { id: document.id, title: document.title, phase: document.phase }, thread });
    }
  }
  return mine.toSorted((a, b) => b.thread.createdAt.localeCompare(a.thread.createdAt));
}
