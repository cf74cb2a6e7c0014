/** Who wrote a comment and when: its reference, name, organisation, country, stakeholder group, time; who entered it for them. */
import type { Thread } from '../../shared/api.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { countryName, fullTime, shortTime, stakeholderLabel } from './format.ts';

export function ThreadAuthorLine({ thread, own }: { thread: Thread; own: boolean }) {
  const { author } = thread;
  const t = useT();
  const details = [author.organisation, countryName(author.country), stakeholderLabel(author.stakeholder)].filter(Boolean).join(' · ');
  return (
    <p className="thread-author">
      <span className="thread-author__ref" data-testid="thread-ref" title={t('threads.refTitle')}>
        {thread.ref}
      </span>
      <span className="thread-author__name">
        {author.name}
        {own && <span className="thread-author__you"> {t('threads.you')}</span>}
      </span>
      <span className="thread-author__details">{details}</span>
      <time className="thread-author__time" dateTime={thread.createdAt} title={fullTime(thread.createdAt)}>
        {shortTime(thread.createdAt)}
        {thread.previousBodies.length > 0 && ` · ${t('threads.edited')}`}
      </time>
      {thread.received && (
        <span className="thread-author__received" data-testid="thread-received">
          {t('threads.received', { date: fullTime(thread.received.at), name: thread.received.enteredBy })}
        </span>
      )}
    </p>
  );
}
