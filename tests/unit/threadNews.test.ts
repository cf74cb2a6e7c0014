/**
 * What the comment panel says to screen readers when someone else changes a comment (news.ts): a
 * new comment, a reply, an answer, each once; nothing for one's own, nor for edits and endorsements.
 */
import { describe, expect, it } from 'vitest';
import type { Reply, Thread, ThreadAuthor } from '../../shared/api.ts';
import { newsOf } from '../../client/threads/news.ts';

const lena: ThreadAuthor = { id: 'p-lena', name: 'Lena Novak', country: 'SI', organisation: 'Network', stakeholder: 'civil-society' };
const me = { id: 'p-maria', name: 'Maria Rossi' };
const mine: ThreadAuthor = { ...lena, ...me };

function thread(overrides: Partial<Thread> = {}): Thread {
  return {
    id: 't1', ref: 'SI-001', link: '/documents/d/threads/t1', documentId: 'd', sectionId: 's', anchor: null, quote: '', originalQuote: '', orphaned: false,
    kind: 'general', body: 'A comment.', proposedText: null, author: lena, createdAt: '2026-05-03T12:00:00Z', updatedAt: '2026-05-03T12:00:00Z',
    previousBodies: [], status: 'open', response: null, assigneeId: null, replies: [], endorsements: [], dispositions: [], applied: null, received: null,
    authorReaction: null, ...overrides,
  };
}

const reply = (author: ThreadAuthor): Reply => ({ id: `r-${author.id}`, author, body: 'A reply.', createdAt: '2026-05-04T12:00:00Z', updatedAt: null });

describe('news of others’ changes to comments', () => {
  it('names a new comment by someone else, and not one’s own', () => {
    expect(newsOf(undefined, thread(), me)).toBe('New comment SI-001 from Lena Novak.');
    expect(newsOf(undefined, thread({ author: mine }), me)).toBeNull();
  });

  it('names someone else’s reply, and not one’s own', () => {
    expect(newsOf(thread(), thread({ replies: [reply(lena)] }), me)).toBe('New reply to SI-001 from Lena Novak.');
    expect(newsOf(thread(), thread({ replies: [reply(mine)] }), me)).toBeNull();
  });

  it('names an answer given by someone else, with its status', () => {
    const answered = { status: 'partially-accepted' as const, response: 'In part.', assigneeId: null, at: '2026-05-05T12:00:00Z' };
    expect(newsOf(thread(), thread({ status: 'partially-accepted', dispositions: [{ ...answered, by: 'Omar Haddad' }] }), me)).toBe('Comment SI-001 was answered: Partially accepted.');
    expect(newsOf(thread(), thread({ status: 'partially-accepted', dispositions: [{ ...answered, by: me.name }] }), me)).toBeNull();
  });

  it('says nothing of an edit or an endorsement', () => {
    expect(newsOf(thread(), thread({ body: 'Reworded.' }), me)).toBeNull();
    expect(newsOf(thread(), thread({ endorsements: ['p-omar'] }), me)).toBeNull();
  });
});
