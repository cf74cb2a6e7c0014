/**
 * The lowdb implementation of the record repositories: one JSON file (`accord.json`), written
 * atomically and fsync'd through JsonStore.
 */
import path from 'node:path';
import { JsonStore } from './jsonStore.ts';
import { CorruptDataError } from './errors.ts';
import { EmailAlreadyTaken, type Records } from './records.ts';
import { emptyRecords, isRecordsShape, migrateRecords, RECORDS_FORMAT, type RecordsShape as Shape } from './recordsFormat.ts';

export async function openLowdbRecords(dataDir: string): Promise<Records> {
  const store = await JsonStore.open<Shape>(path.join(dataDir, 'accord.json'), emptyRecords, isRecordsShape);
  if (store.data.format > RECORDS_FORMAT) {
    throw new CorruptDataError(store.file, `it is of format ${store.data.format}, written by a later release of Accord; this one reads up to ${RECORDS_FORMAT}`);
  }
  if (store.data.format < RECORDS_FORMAT) await store.change((d) => migrateRecords(d, new Date().toISOString()));
  const commit = <T>(change: (data: Shape) => T) => store.change(change);
  const read = async <T>(fn: (data: Shape) => T): Promise<T> => fn(store.data);
  const clone = <T>(value: T): T => structuredClone(value);
  /** A filter for the records whose key is one of `keys`. */
  const among = <T>(keys: readonly string[], key: (record: T) => string) => {
    const wanted = new Set(keys);
    return (record: T) => wanted.has(key(record));
  };

  return {
    people: {
      list: () => read((d) => d.people.map(clone)),
      get: (id) => read((d) => clone(d.people.find((p) => p.id === id))),
      getMany: (ids) => read((d) => d.people.filter(among(ids, (p) => p.id)).map(clone)),
      findByTokenHash: (hash) => read((d) => clone(d.people.find((p) => p.tokenHash === hash))),
      findBootstrap: () => read((d) => clone(d.people.find((p) => p.bootstrap))),
      insert: (person, memberships = []) =>
        commit((d) => {
          d.people.push(clone(person));
          d.memberships.push(...memberships.map(clone));
        }),
      insertMany: (people, memberships) =>
        commit((d) => {
          const taken = new Set(d.people.map((p) => p.email.trim().toLowerCase()));
          for (const person of people) {
            const email = person.email.trim().toLowerCase();
            if (taken.has(email)) throw new EmailAlreadyTaken(person.email);
            taken.add(email);
          }
          d.people.push(...people.map(clone));
          d.memberships.push(...memberships.map(clone));
        }),
      update: (id, patch, memberRole) =>
        commit((d) => {
          const person = d.people.find((p) => p.id === id);
          if (!person) return undefined;
          Object.assign(person, clone(patch));
          if (memberRole) for (const m of d.memberships) if (m.personId === id) m.role = memberRole;
          return clone(person);
        }),
    },
    sessions: {
      get: (idHash) => read((d) => clone(d.sessions.find((s) => s.idHash === idHash))),
      getMany: (idHashes) => read((d) => d.sessions.filter(among(idHashes, (s) => s.idHash)).map(clone)),
      insert: (session) => commit((d) => void d.sessions.push(clone(session))),
      touchMany: (idHashes, at) =>
        commit((d) => {
          for (const session of d.sessions.filter(among(idHashes, (s) => s.idHash))) session.lastSeenAt = at;
        }),
      delete: (idHash) => commit((d) => void (d.sessions = d.sessions.filter((s) => s.idHash !== idHash))),
      deleteForPerson: (personId) =>
        commit((d) => void (d.sessions = d.sessions.filter((s) => s.personId !== personId))),
      deleteIdleSince: (before) =>
        commit((d) => {
          const kept = d.sessions.filter((s) => s.lastSeenAt >= before);
          const removed = d.sessions.length - kept.length;
          d.sessions = kept;
          return removed;
        }),
    },
    memberships: {
      get: (documentId, personId) => read((d) => clone(d.memberships.find((m) => m.documentId === documentId && m.personId === personId))),
      forDocument: (documentId) => read((d) => d.memberships.filter((m) => m.documentId === documentId).map(clone)),
      forPerson: (personId) => read((d) => d.memberships.filter((m) => m.personId === personId).map(clone)),
      set: (membership) =>
        commit((d) => {
          const existing = d.memberships.find((m) => m.documentId === membership.documentId && m.personId === membership.personId);
          if (existing) existing.role = membership.role;
          else d.memberships.push(clone(membership));
        }),
      remove: (documentId, personId) =>
        commit((d) => {
          const before = d.memberships.length;
          d.memberships = d.memberships.filter((m) => !(m.documentId === documentId && m.personId === personId));
          return d.memberships.length < before;
        }),
    },
    documents: {
      list: () => read((d) => d.documents.map(clone)),
      get: (id) => read((d) => clone(d.documents.find((doc) => doc.id === id))),
      update: (id, patch) =>
        commit((d) => {
          const doc = d.documents.find((x) => x.id === id);
          if (doc) Object.assign(doc, clone(patch));
          return clone(doc);
        }),
      insert: (document) =>
        commit((d) => {
          if (d.documents.some((x) => x.id === document.id)) throw new Error(`Document ${document.id} exists already`);
          d.documents.push(clone(document));
        }),
      remove: (id) =>
        commit((d) => {
          const before = d.documents.length;
          d.documents = d.documents.filter((x) => x.id !== id);
          // Nobody takes part in a document that is gone (in the same write).
          d.memberships = d.memberships.filter((m) => m.documentId !== id);
          return d.documents.length < before;
        }),
      isSeeded: () => read((d) => d.seeded),
      completeSeed: (documents) =>
        commit((d) => {
          const known = new Set(d.documents.map((x) => x.id));
          for (const doc of documents) if (!known.has(doc.id)) d.documents.push(clone(doc));
          d.seeded = true;
        }),
    },
    close: () => store.settled(),
  };
}
