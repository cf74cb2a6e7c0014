/** Who wrote a comment and when: its reference, name, organisation, country, stakeholder group, time; who entered it for them. */
import type { Thread } from '../../shared/api.ts';
import { countryName, fullTime, shortTime, stakeholderLabel } from './format.ts';

export function ThreadAuthorLine({ thread, own }: { thread: Thread; own: boolean }) {
  const { author } = thread;
  const details = [author.organisation, countryName(author.country), stakeholderLabel(author.stakeholder)].filter(Boolean).join(' · ');
  return (
    <p className="thread-author">
      <span className="thread-author__ref" data-testid="thread-ref" title="The comment's permanent reference">
        {thread.ref}
      </span>
      <span className="thread-author__name">
        {author.name}
        {own && <span className="thread-author__you"> (you)</span>}
      </span>
      <span className="thread-author__details">{details}</span>
      <time className="thread-author__time" dateTime={thread.createdAt} title={fullTime(thread.createdAt)}>
        {shortTime(thread.createdAt)}
        {thread.previousBodies.length > 0 && ' · edited'}
      </time>
      {thread.received && (
        <span className="thread-author__received" data-testid="thread-received">
          Received by e-mail on {fullTime(thread.received.at)}, entered by {thread.received.enteredBy}
        </span>
      )}
    </p>
  );
}
