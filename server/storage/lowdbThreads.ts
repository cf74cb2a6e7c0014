/**
 * Threads in lowdb: `threads/<documentId>.json` under DATA_DIR, one JsonStore per document, all
 * opened at start so that a thread can be found by its id alone.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_ID_PATTERN } from '../../shared/limits.ts';
import { JsonStore } from './jsonStore.ts';
import { formatRef, refNumber, type ThreadCounts, type ThreadRecord, type ThreadRepo } from './threadRecords.ts';

interface Shape {
  format: 1;
  threads: ThreadRecord[];
  /**
   * The last running number given per reference prefix ("DE" → 7). Kept apart from the threads so
   * that a withdrawn thread's number is never given again. Absent in files from before references.
   */
  refCounters?: Record<string, number>;
}

/** The next reference with this prefix; a prefix without a counter yet counts on from any stored reference. */
function nextRef(data: Shape, prefix: string): string {
  const counters = (data.refCounters ??= {});
  const highest = counters[prefix] ?? data.threads.reduce((max, t) => Math.max(max, refNumber(t.ref, prefix)), 0);
  counters[prefix] = highest + 1;
  return formatRef(prefix, highest + 1);
}

const empty = (): Shape => ({ format: 1, threads: [] });
const isShape = (d: Shape) => d !== null && typeof d === 'object' && d.format === 1 && Array.isArray(d.threads);

export async function openLowdbThreads(dataDir: string): Promise<ThreadRepo> {
  const folder = path.join(dataDir, 'threads');
  await fs.mkdir(folder, { recursive: true });
  const stores = new Map<string, Promise<JsonStore<Shape>>>();
  /** thread id → document id */
  const owner = new Map<string, string>();

  const storeOf = (documentId: string) => {
    if (!DOCUMENT_ID_PATTERN.test(documentId)) throw new Error(`Refusing unsafe document id ${JSON.stringify(documentId)}`);
    let store = stores.get(documentId);
    if (!store) {
      store = JsonStore.open(path.join(folder, `${documentId}.json`), empty, isShape);
      stores.set(documentId, store);
    }
    return store;
  };

  for (const name of await fs.readdir(folder)) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const documentId = name.slice(0, -'.json'.length);
    if (!DOCUMENT_ID_PATTERN.test(documentId)) continue;
    const store = await storeOf(documentId);
    for (const thread of store.data.threads) owner.set(thread.id, documentId);
  }

  const clone = <T>(value: T): T => structuredClone(value);
  const find = (store: JsonStore<Shape>, id: string) => store.data.threads.find((t) => t.id === id);

  return {
    async list(documentId) {
      return (await storeOf(documentId)).data.threads.map(clone);
    },
    async counts(documentIds) {
      const counts = new Map<string, ThreadCounts>();
      for (const documentId of documentIds) {
        // Counted in place: no copy of each comment.
        const live = (await storeOf(documentId)).data.threads.filter((t) => !t.withdrawnAt);
        counts.set(documentId, { live: live.length, unanswered: live.filter((t) => t.status === 'open').length });
      }
      return counts;
    },
    async answeredOrRepliedSince(from) {
      const found: ThreadRecord[] = [];
      for (const documentId of new Set(owner.values())) {
        for (const t of (await storeOf(documentId)).data.threads) {
          if (t.dispositions.some((d) => d.at >= from) || t.replies.some((r) => r.createdAt >= from)) found.push(clone(t));
        }
      }
      return found;
    },
    async get(id) {
      const documentId = owner.get(id);
      if (!documentId) return undefined;
      const thread = find(await storeOf(documentId), id);
      return thread && clone(thread);
    },
    async insert(thread, refPrefix) {
      const store = await storeOf(thread.documentId);
      const stored = await store.change((d) => {
        const record: ThreadRecord = { ...clone(thread), ref: nextRef(d, refPrefix) };
        d.threads.push(record);
        return clone(record);
      });
      owner.set(thread.id, thread.documentId);
      return stored;
    },
    async insertMany(documentId, entries) {
      if (entries.some((e) => e.thread.documentId !== documentId)) throw new Error('insertMany: every thread must be of the one document');
      const store = await storeOf(documentId);
      const stored = await store.change((d) => {
        const records = entries.map(({ thread, refPrefix }): ThreadRecord => ({ ...clone(thread), ref: nextRef(d, refPrefix) }));
        d.threads.push(...records);
        return records.map(clone);
      });
      for (const thread of stored) owner.set(thread.id, documentId);
      return stored;
    },
    async giveMissingRefs(prefixOf) {
      let given = 0;
      for (const documentId of new Set(owner.values())) {
        const store = await storeOf(documentId);
        if (store.data.threads.every((t) => t.ref)) continue;
        given += await store.change((d) => {
          const missing = d.threads.filter((t) => !t.ref).toSorted((a, b) => a.createdAt.localeCompare(b.createdAt));
          for (const thread of missing) thread.ref = nextRef(d, prefixOf(thread));
          return missing.length;
        });
      }
      return given;
    },
    async update(id, change) {
      const documentId = owner.get(id);
      if (!documentId) return undefined;
      const store = await storeOf(documentId);
      return store.change((data) => {
        const thread = data.threads.find((t) => t.id === id);
        if (!thread) return undefined;
        // Change a copy: a refusal thrown half-way must leave the stored thread untouched.
        const draft = clone(thread);
        change(draft);
        Object.assign(thread, draft);
        return clone(thread);
      });
    },
    async updateMany(documentId, ids, change) {
      if (ids.some((id) => owner.get(id) !== documentId)) return undefined;
      const store = await storeOf(documentId);
      return store.change((data) => {
        const threads = ids.map((id) => data.threads.find((t) => t.id === id));
        if (threads.some((t) => !t)) return undefined;
        // Every change is made on copies first: a refusal thrown for the last leaves all untouched.
        const drafts = threads.map((t) => clone(t!));
        drafts.forEach(change);
        threads.forEach((t, i) => Object.assign(t!, drafts[i]));
        return drafts.map(clone);
      });
    },
    async removeDocument(documentId) {
      const store = await storeOf(documentId);
      const removed = await store.change((d) => {
        for (const thread of d.threads) owner.delete(thread.id);
        const count = d.threads.length;
        d.threads = [];
        return count;
      });
      await store.settled();
      stores.delete(documentId);
      await fs.rm(path.join(folder, `${documentId}.json`), { force: true });
      return removed;
    },
    async close() {
      await Promise.all([...stores.values()].map(async (s) => (await s).settled()));
    },
  };
}
