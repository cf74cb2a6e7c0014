/**
 * "Who is here now": a row of initials that opens into the list of names. A <details> element, so
 * it works by keyboard and touch with no script of ours.
 */
import { useEffect, useRef } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../shared/domain.ts';
import { initials } from '../format.ts';
import type { PresentPerson } from './usePresence.ts';

const SHOWN_AVATARS = 4;

function roleLabel(role: string | null): string | null {
  return role && (ROLES as readonly string[]).includes(role) ? ROLE_LABELS[role as Role] : null;
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
  const summary = people.length === 1 ? 'Only you are here' : `${people.length} people here`;
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
      <summary className="presence__summary" aria-label={`${summary}. Show who`}>
        <span className="presence__avatars">
          {shown.map((person) => (
            <Avatar key={person.id} person={person} />
          ))}
          {more > 0 && <span className="avatar avatar--more">+{more}</span>}
        </span>
        <span className="presence__count" aria-hidden="true">
          {people.length === 1 ? 'Only you' : `${people.length} here`}
        </span>
      </summary>
      <div className="presence__panel">
        <p className="presence__panel-title">Here now</p>
        <ul className="presence__list">
          {people.map((person) => (
            <li key={person.id} className="presence__person" data-person-id={person.id}>
              <Avatar person={person} />
              <span>
                <span className="presence__name">
                  {person.name}
                  {person.self && ' (you)'}
                </span>
                {roleLabel(person.role) && <span className="presence__role">{roleLabel(person.role)}</span>}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
