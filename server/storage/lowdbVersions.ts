/**
 * Versions and sign-offs in lowdb (`versions.json`, `signoffs.json`), with each version's Yjs state in
 * its own file under `versions/<documentId>/<versionId>.yjs`, written atomically.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_ID_PATTERN } from '../../shared/limits.ts';
import { JsonStore } from './jsonStore.ts';
import { writeFileDurably } from './durableFile.ts';
import type { SignoffRecord, SignoffRepo, VersionRecord, VersionRepo } from './versionRecords.ts';

const UUID = /^[0-9a-f-]{36}$/;

export async function openLowdbVersions(dataDir: string): Promise<{ versions: VersionRepo; signoffs: SignoffRepo; close(): Promise<void> }> {
  const versionStore = await JsonStore.open(
    path.join(dataDir, 'versions.json'),
    () => ({ format: 1 as const, versions: [] as VersionRecord[] }),
    (d) => d?.format === 1 && Array.isArray(d.versions),
  );
  const signoffStore = await JsonStore.open(
    path.join(dataDir, 'signoffs.json'),
    () => ({ format: 1 as const, signoffs: [] as SignoffRecord[] }),
    (d) => d?.format === 1 && Array.isArray(d.signoffs),
  );
  const fileOf = (v: Pick<VersionRecord, 'documentId' | 'id'>) => {
    if (!DOCUMENT_ID_PATTERN.test(v.documentId) || !UUID.test(v.id)) throw new Error('Refusing an unsafe version path');
    return path.join(dataDir, 'versions', v.documentId, `${v.id}.yjs`);
  };
  const clone = <T>(value: T): T => structuredClone(value);

  const versions: VersionRepo = {
    list: async (documentId) => versionStore.data.versions.filter((v) => v.documentId === documentId).map(clone),
    get: async (documentId, id) => clone(versionStore.data.versions.find((v) => v.documentId === documentId && v.id === id)),
    async insert(version, state) {
      const file = fileOf(version);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await writeFileDurably(file, state);
      await versionStore.change((d) => void d.versions.push(clone(version)));
    },
    state: async (version) => new Uint8Array(await fs.readFile(fileOf(version))),
    async removeDocument(documentId) {
      if (!DOCUMENT_ID_PATTERN.test(documentId)) throw new Error('Refusing an unsafe version path');
      // The records go first: a version listed without its file would be worse than a stray file.
      const removed = await versionStore.change((d) => {
        const before = d.versions.length;
        d.versions = d.versions.filter((v) => v.documentId !== documentId);
        return before - d.versions.length;
      });
      await fs.rm(path.join(dataDir, 'versions', documentId), { recursive: true, force: true });
      return removed;
    },
  };

  const signoffs: SignoffRepo = {
    list: async (documentId) => signoffStore.data.signoffs.filter((s) => s.documentId === documentId).map(clone),
    upsert: (signoff) =>
      signoffStore.change((d) => {
        const existing = d.signoffs.find((s) => s.documentId === signoff.documentId && s.reviewerId === signoff.reviewerId);
        if (existing) {
          const earlier = { decision: existing.decision, statement: existing.statement, at: existing.updatedAt };
          existing.history = [...(existing.history ?? []), earlier];
          Object.assign(existing, { decision: signoff.decision, statement: signoff.statement, updatedAt: signoff.updatedAt });
          return clone(existing);
        }
        d.signoffs.push(clone(signoff));
        return clone(signoff);
      }),
    removeDocument: (documentId) =>
      signoffStore.change((d) => {
        const before = d.signoffs.length;
        d.signoffs = d.signoffs.filter((s) => s.documentId !== documentId);
        return before - d.signoffs.length;
      }),
  };

  return { versions, signoffs, close: async () => void (await Promise.all([versionStore.settled(), signoffStore.settled()])) };
}
