/**
 * People invited before Accord kept sign-in dates have no `firstSignInAt` at all, where newer records
 * hold null until the first sign-in. At start, their sign-ins are read back from the audit log once,
 * so that the Secretariat is never told that someone who has signed in never did (and sends them a
 * new link, which would end the one they use). Afterwards every record has the field and the audit
 * log is not read again.
 */
import type { AuditLog } from '../storage/auditLog.ts';
import type { Records } from '../storage/records.ts';

/** Fills in the sign-in dates of older records; returns how many records were brought up to date. */
export async function backfillSignIns(records: Records, audit: AuditLog): Promise<number> {
  const unknown = (await records.people.list()).filter((p) => p.firstSignInAt === undefined);
  if (unknown.length === 0) return 0;
  const ids = new Set(unknown.map((p) => p.id));
  const first = new Map<string, string>();
  const last = new Map<string, string>();
  for (const event of await audit.list()) {
    if (event.action !== 'session.sign-in' || !event.actorId || !ids.has(event.actorId)) continue;
    // Newest first: the first seen is the last sign-in, the last seen the first.
    if (!last.has(event.actorId)) last.set(event.actorId, event.at);
    first.set(event.actorId, event.at);
  }
  for (const person of unknown) {
    const signedIn = last.get(person.id);
    const lastSeenAt = [person.lastSeenAt, signedIn].filter((at): at is string => Boolean(at)).toSorted().at(-1);
    await records.people.update(person.id, { firstSignInAt: first.get(person.id) ?? null, ...(lastSeenAt ? { lastSeenAt } : {}) });
  }
  return unknown.length;
}
