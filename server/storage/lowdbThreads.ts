/**
 * Threads in lowdb: `threads/<documentId>.json` under DATA_DIR, one JsonStore per document, all
 * opened at start so that a thread can be found by its id alone.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_ID_PATTERN } from '../../shared/limits.ts';
import { JsonStore } from './jsonStore.ts';
import type { ThreadRecord, ThreadRepo } from './threadRecords.ts';

interface Shape {
  format: 1;
  threads: ThreadRecord[];
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
    async get(id) {
      const documentId = owner.get(id);
      if (!documentId) return undefined;
      const thread = find(await storeOf(documentId), id);
      return thread && clone(thread);
    },
    async insert(thread) {
      const store = await storeOf(thread.documentId);
      await store.change((d) => void d.threads.push(clone(thread)));
      owner.set(thread.id, thread.documentId);
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
