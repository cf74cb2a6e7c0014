/**
 * The lowdb implementation of the record repositories: one JSON file (`accord.json`), written
 * atomically and fsync'd through JsonStore.
 */
import path from 'node:path';
import { JsonStore } from './jsonStore.ts';
import type { DocumentRecord, PersonRecord, Records, SessionRecord } from './records.ts';

interface Shape {
  format: 1;
  seeded: boolean;
  people: PersonRecord[];
  sessions: SessionRecord[];
  documents: DocumentRecord[];
}

const empty = (): Shape => ({ format: 1, seeded: false, people: [], sessions: [], documents: [] });

const isShape = (data: Shape): boolean =>
  data !== null &&
  typeof data === 'object' &&
  data.format === 1 &&
  Array.isArray(data.people) &&
  Array.isArray(data.sessions) &&
  Array.isArray(data.documents);

export async function openLowdbRecords(dataDir: string): Promise<Records> {
  const store = await JsonStore.open<Shape>(path.join(dataDir, 'accord.json'), empty, isShape);
  const commit = <T>(change: (data: Shape) => T) => store.change(change);
  const read = async <T>(fn: (data: Shape) => T): Promise<T> => fn(store.data);
  const clone = <T>(value: T): T => structuredClone(value);

  return {
    people: {
      list: () => read((d) => d.people.map(clone)),
      get: (id) => read((d) => clone(d.people.find((p) => p.id === id))),
      findByTokenHash: (hash) => read((d) => clone(d.people.find((p) => p.tokenHash === hash))),
      findBootstrap: () => read((d) => clone(d.people.find((p) => p.bootstrap))),
      insert: (person) => commit((d) => void d.people.push(clone(person))),
      update: (id, patch) =>
        commit((d) => {
          const person = d.people.find((p) => p.id === id);
          if (person) Object.assign(person, clone(patch));
          return clone(person);
        }),
    },
    sessions: {
      get: (idHash) => read((d) => clone(d.sessions.find((s) => s.idHash === idHash))),
      insert: (session) => commit((d) => void d.sessions.push(clone(session))),
      touch: (idHash, at) =>
        commit((d) => {
          const session = d.sessions.find((s) => s.idHash === idHash);
          if (session) session.lastSeenAt = at;
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
