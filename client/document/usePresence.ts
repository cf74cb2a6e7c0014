/**
 * Who has the document open now, from awareness. Names and colours come from the `user` field the
 * server stamps on every state; a person with several tabs counts once. We are always in the list.
 */
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { Person } from '../../shared/api.ts';

export interface PresentPerson {
  id: string;
  name: string;
  color: string | null;
  role: string | null;
  self: boolean;
}

interface StampedUser {
  id: string;
  name: string;
  color?: unknown;
  role?: unknown;
}

function stampedUser(state: unknown): StampedUser | null {
  if (typeof state !== 'object' || state === null) return null;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { id, name } = user as { id?: unknown; name?: unknown };
  return typeof id === 'string' && typeof name === 'string' ? (user as StampedUser) : null;
}

function readPresence(provider: WebsocketProvider, person: Person): PresentPerson[] {
  const localId = provider.awareness.clientID;
  const byPerson = new Map<string, PresentPerson>();
  // Our own colour is only known from the server's copy of another tab of ours; until then, none.
  byPerson.set(person.id, { id: person.id, name: person.name, color: null, role: person.role, self: true });
  for (const [clientId, state] of provider.awareness.getStates()) {
    if (clientId === localId) continue;
    const user = stampedUser(state);
    if (!user) continue;
    const self = user.id === person.id;
    if (byPerson.has(user.id) && !self) continue;
    byPerson.set(user.id, {
      id: user.id,
      name: self ? person.name : user.name,
      color: typeof user.color === 'string' ? user.color : null,
      role: typeof user.role === 'string' ? user.role : null,
      self,
    });
  }
  const people = [...byPerson.values()];
  // Ourselves first, then everyone else alphabetically, so the row does not jump about.
  return people.toSorted((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

export function usePresence(provider: WebsocketProvider | null, person: Person): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>(() => [{ id: person.id, name: person.name, color: null, role: person.role, self: true }]);

  useEffect(() => {
    if (!provider) return;
    const update = () => setPeople(readPresence(provider, person));
    update();
    provider.awareness.on('change', update);
    return () => provider.awareness.off('change', update);
  }, [provider, person]);

  return people;
}
