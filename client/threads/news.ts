/**
 * What someone else just did to a comment, as one sentence for screen readers: a new comment, a new
 * reply, an answer. The list shows it too, but out of sight of a screen reader's reading position.
 * One's own changes are announced by the action itself ("Your comment was posted"), so they are
 * not news; neither are edits, endorsements and reactions, which would make the panel chatty.
 */
import type { Person, Thread } from '../../shared/api.ts';
import { t } from '../i18n/intl.ts';

export function newsOf(before: Thread | undefined, after: Thread, me: Pick<Person, 'id' | 'name'>): string | null {
  if (!before) return after.author.id === me.id ? null : t('threads.live.newComment', { ref: after.ref, name: after.author.name });
  const reply = after.replies.at(-1);
  if (after.replies.length > before.replies.length && reply && reply.author.id !== me.id) {
    return t('threads.live.newReply', { ref: after.ref, name: reply.author.name });
  }
  const answer = after.dispositions.at(-1);
  if (after.dispositions.length > before.dispositions.length && answer && answer.status !== 'open' && answer.by !== me.name) {
    return t('threads.live.answered', { ref: after.ref, status: t(`status.${answer.status}`) });
  }
  return null;
}
