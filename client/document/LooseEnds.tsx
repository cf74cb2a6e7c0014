/**
 * What is still open before the text moves on to final review or adoption: the comments without an
 * answer (each a link to it), and, before adoption, who objects and who has not signed, by name and
 * country. The platform promises every comment an answer; this is where the Secretariat sees whether
 * it kept that promise before the step that makes it too late.
 */
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { Phase } from '../../shared/domain.ts';
import type { Thread } from '../../shared/api.ts';
import { threadApi } from '../api.ts';
import { useResource } from '../components/useResource.ts';
import { countryName } from '../people/countries.ts';
import { signoffApi, type Tally } from '../review/signoffApi.ts';
import { documentPath } from '../router.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';

const LISTED = 8;

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text);

export function threadLink(documentId: string, threadId: string): string {
  return `${documentPath(documentId)}?thread=${encodeURIComponent(threadId)}`;
}

interface LooseEndsProps {
  documentId: string;
  target: Phase;
}

export function LooseEnds({ documentId, target }: LooseEndsProps) {
  const t = useT();
  const intl = useIntl();
  const load = useCallback(
    async (): Promise<{ open: Thread[]; tally: Tally | null }> => {
      const [threads, tally] = await Promise.all([threadApi.list(documentId), target === 'adopted' ? signoffApi.tally(documentId) : Promise.resolve(null)]);
      return { open: threads.filter((thread) => thread.status === 'open'), tally };
    },
    [documentId, target],
  );
  const { state } = useResource(load);
  if (state.status === 'loading') return <output className="placeholder">{t('looseEnds.checking')}</output>;
  // The dialog still works without this check; say that it could not be made.
  if (state.status === 'error') return <p className="notice notice--error">{t('looseEnds.checkFailed', { reason: state.message })}</p>;
  const { open, tally } = state.data;
  const objecting = tally?.reviewers.filter((r) => r.signoff?.decision === 'object') ?? [];
  const waiting = tally?.reviewers.filter((r) => !r.signoff) ?? [];
  // "Lena Weber (Germany), Ola Nordmann (Norway) and …", as the language writes a list.
  const people = (reviewers: typeof waiting) =>
    t('looseEnds.people', { people: intl.formatList(reviewers.map((r) => t('looseEnds.person', { name: r.reviewer.name, country: countryName(r.reviewer.country) }))) });
  if (open.length === 0 && objecting.length === 0 && waiting.length === 0) {
    return (
      <p className="loose-ends loose-ends--none" data-testid="loose-ends">
        {t('looseEnds.none')}
      </p>
    );
  }
  return (
    <div className="loose-ends notice notice--warning" data-testid="loose-ends">
      {open.length > 0 && (
        <>
          <p>
            <strong>{t('looseEnds.unanswered', { count: open.length })}</strong>
          </p>
          <ul className="loose-ends__list">
            {open.slice(0, LISTED).map((thread) => (
              <li key={thread.id}>
                <a href={threadLink(documentId, thread.id)} target="_blank" rel="noopener">
                  {t('looseEnds.thread', { name: thread.author.name, country: countryName(thread.author.country), excerpt: excerpt(thread.body) })}
                </a>
              </li>
            ))}
          </ul>
          {open.length > LISTED && <p>{t('looseEnds.more', { count: open.length - LISTED })}</p>}
        </>
      )}
      {objecting.length > 0 && (
        <p>
          <strong>{t('looseEnds.objecting')}</strong> {people(objecting)}
        </p>
      )}
      {waiting.length > 0 && (
        <p>
          <strong>{t('looseEnds.notSigned')}</strong> {people(waiting)}
        </p>
      )}
    </div>
  );
}
