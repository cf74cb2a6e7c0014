/**
 * Sign-in and sessions. A person signs in with their invitation token; a session id goes into an
 * HttpOnly cookie and only its hash is stored. A session ends on sign-out, on deactivation, or after
 * a period without use.
 */
import type { PersonRecord, Records, SessionRecord } from '../storage/records.ts';
import { hashSecret, newSecret } from './tokens.ts';

/** Writing lastSeenAt on every request would write the records file on every request. */
const TOUCH_EVERY_MS = 60_000;
/**
 * The person's own "last seen" (shown to the Secretariat as a date) needs even less: at most one
 * write per person in this long, however many requests and sessions they have.
 */
export const LAST_SEEN_EVERY_MS = 5 * 60_000;

export interface SessionService {
  signIn(token: string): Promise<{ person: PersonRecord; sessionId: string } | null>;
  resolve(sessionId: string | undefined): Promise<PersonRecord | null>;
  /**
   * The same for many sessions at once (the sockets' heartbeat), in two reads whatever their number:
   * each session id to its person, or to null when the session has ended.
   */
  resolveMany(sessionIds: ReadonlyArray<string | undefined>): Promise<Map<string, PersonRecord | null>>;
  /** Ends the session; returns whose it was. */
  signOut(sessionId: string | undefined): Promise<PersonRecord | null>;
  endAllFor(personId: string): Promise<void>;
  /**
   * Called when sessions end, so open sockets and streams of those people can be closed; `elsewhere`
   * when another process ended them (endedElsewhere). Returns an unsubscribe.
   */
  onEnded(listener: (personId: string, elsewhere: boolean) => void): () => void;
  /** Another process ended sessions of this person (scale/fanOut.ts): the listeners hear of it. */
  endedElsewhere(personId: string): void;
}

export function createSessionService(records: Records, idleMs: number, now: () => number = Date.now): SessionService {
  const listeners = new Set<(personId: string, elsewhere: boolean) => void>();
  const ended = (personId: string, elsewhere = false) => listeners.forEach((l) => l(personId, elsewhere));
  // When each person's last-seen was last written by this process, noted before the write: a burst of
  // parallel requests, each holding the record as it was read, makes one write, not many.
  const written = new Map<string, number>();
  async function seen(person: PersonRecord): Promise<void> {
    const last = Math.max(person.lastSeenAt ? Date.parse(person.lastSeenAt) : 0, written.get(person.id) ?? 0);
    if (now() - last < LAST_SEEN_EVERY_MS) return;
    written.set(person.id, now());
    try {
      await records.people.update(person.id, { lastSeenAt: new Date(now()).toISOString() });
    } catch {
      // Storage refused: the request still goes ahead (it only read), and the next one tries again.
      written.delete(person.id);
    }
  }

  /** A session unused for longer than idleMs has ended: it is deleted. */
  async function expired(session: SessionRecord): Promise<boolean> {
    if (now() - Date.parse(session.lastSeenAt) <= idleMs) return false;
    await records.sessions.delete(session.idHash);
    return true;
  }

  /**
   * The session's person while they may still use Accord. Using a session keeps it going: it is
   * due a touch (a write of its lastSeenAt) once a minute, which `due` is given to make.
   */
  function stillOpen(session: SessionRecord, person: PersonRecord | undefined, due: (idHash: string) => void): PersonRecord | null {
    if (!person || !person.active) return null;
    if (now() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) due(session.idHash);
    void seen(person);
    return person;
  }

  // Bookkeeping, not what the request asked for: nothing waits for these writes. Under a crowd each
  // request waited for a write of the records file, behind any other (benchmark (g): one comment POST
  // in six, the slowest). A touch that fails only lets the session end sooner; a failed last-seen is
  // tried again by the next request. Closing the store waits for both.
  const touch = (idHashes: string[]) => {
    if (idHashes.length) records.sessions.touchMany(idHashes, new Date(now()).toISOString()).catch(() => {});
  };

  return {
    async signIn(token) {
      if (!token) return null;
      const person = await records.people.findByTokenHash(hashSecret(token));
      if (!person || !person.active) return null;
      const sessionId = newSecret();
      const at = new Date(now()).toISOString();
      await records.sessions.insert({ idHash: hashSecret(sessionId), personId: person.id, createdAt: at, lastSeenAt: at });
      const signedIn = (await records.people.update(person.id, { firstSignInAt: person.firstSignInAt ?? at, lastSeenAt: at })) ?? person;
      return { person: signedIn, sessionId };
    },

    async resolve(sessionId) {
      if (!sessionId) return null;
      const idHash = hashSecret(sessionId);
      const session = await records.sessions.get(idHash);
      if (!session || (await expired(session))) return null;
      const person = await records.people.get(session.personId);
      return stillOpen(session, person, (due) => touch([due]));
    },

    async resolveMany(sessionIds) {
      const idOf = new Map<string, string>();
      for (const id of sessionIds) if (id) idOf.set(hashSecret(id), id);
      const resolved = new Map<string, PersonRecord | null>([...idOf.values()].map((id) => [id, null]));
      if (idOf.size === 0) return resolved;
      const live: SessionRecord[] = [];
      for (const session of await records.sessions.getMany([...idOf.keys()])) if (!(await expired(session))) live.push(session);
      if (live.length === 0) return resolved;
      const people = new Map((await records.people.getMany([...new Set(live.map((s) => s.personId))])).map((p) => [p.id, p]));
      // One write for every session due a touch, not one each.
      const due: string[] = [];
      for (const session of live) resolved.set(idOf.get(session.idHash)!, stillOpen(session, people.get(session.personId), (idHash) => due.push(idHash)));
      touch(due);
      return resolved;
    },

    async signOut(sessionId) {
      if (!sessionId) return null;
      const idHash = hashSecret(sessionId);
      const session = await records.sessions.get(idHash);
      if (!session) return null;
      await records.sessions.delete(idHash);
      ended(session.personId);
      return (await records.people.get(session.personId)) ?? null;
    },

    async endAllFor(personId) {
      await records.sessions.deleteForPerson(personId);
      ended(personId);
    },

    endedElsewhere: (personId) => ended(personId, true),

    onEnded: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
