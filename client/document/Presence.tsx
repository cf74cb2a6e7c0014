/**
 * "Who is here now": a row of initials that opens into the list of names. A <details> element, so
 * it works by keyboard and touch with no script of ours. Its name starts with the words it shows
 * ("3 here"), so people who speak to their computer can say what they see (WCAG 2.5.3).
 */
import { useEffect, useRef } from 'react';
import { ROLES, type Role } from '../../shared/domain.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { initials } from '../format.ts';
import type { PresentPerson } from './usePresence.ts';

const SHOWN_AVATARS = 4;

function roleKey(role: string | null): MessageKey | null {
  return role && (ROLES as readonly string[]).includes(role) ? `role.${role as Role}` : null;
}

function Avatar({ person }: { person: PresentPerson }) {
  return (
    <span className={`avatar${person.self ? ' avatar--self' : ''}`} style={person.color ? { backgroundColor: person.color } : undefined} aria-hidden="true">
      {initials(person.name)}
    </span>
  );
}

export function Presence({ people }: { people: PresentPerson[] }) {
  const shown = people.slice(0, SHOWN_AVATARS);
  const more = people.length - shown.length;
  const t = useT();
  const ref = useRef<HTMLDetailsElement>(null);

  // A popover closes when you click elsewhere or press Escape; <details> alone does neither.
  useEffect(() => {
    const close = (event: Event) => {
      const details = ref.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  return (
    <details className="presence" data-testid="presence" ref={ref}>
      <summary className="presence__summary">
        <span className="presence__avatars">
          {shown.map((person) => (
            <Avatar key={person.id} person={person} />
          ))}
          {more > 0 && (
            <span className="avatar avatar--more" aria-hidden="true">
              +{more}
            </span>
          )}
        </span>
        <span className="presence__count">{t('presence.short', { count: people.length })}</span>
        <span className="visually-hidden">{t('presence.showWho')}</span>
      </summary>
      <div className="presence__panel">
        <p className="presence__panel-title">{t('presence.title')}</p>
        <ul className="presence__list">
          {people.map((person) => {
            const role = roleKey(person.role);
            return (
              <li key={person.id} className="presence__person" data-person-id={person.id}>
                <Avatar person={person} />
                <span>
                  <span className="presence__name">{person.self ? t('presence.self', { name: person.name }) : person.name}</span>
                  {role && <span className="presence__role">{t(role)}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </details>
  );
}
