/**
 * First-start import of the drafts in docs-seed/. Runs only while the records say the seed was never
 * completed. Each draft's state is written with an atomic replace (never an append), so an import
 * cut short by a crash and run again leaves one copy of the text, not two.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_ID_PATTERN } from '../../shared/limits.ts';
import type { DocumentRecord, Records } from '../storage/records.ts';
import type { DocumentStateStore } from '../storage/documentState.ts';
import { importMarkdown } from './markdown.ts';

export function seedIdOf(fileName: string): string {
  return path
    .basename(fileName, path.extname(fileName))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

export async function seedDocuments(seedDir: string, records: Records, states: DocumentStateStore): Promise<DocumentRecord[]> {
  if (await records.documents.isSeeded()) return [];
  const names = (await fs.readdir(seedDir).catch(() => [] as string[])).filter((n) => n.endsWith('.md')).toSorted();
  // Loaded only for a first start (draftState.ts says why).
  const { draftState } = await import('./draftState.ts');
  const now = new Date().toISOString();
  const documents: DocumentRecord[] = [];
  for (const name of names) {
    const id = seedIdOf(name);
    if (!DOCUMENT_ID_PATTERN.test(id)) continue;
    const draft = importMarkdown(await fs.readFile(path.join(seedDir, name), 'utf8'), id);
    await states.replace(id, draftState(draft.doc));
    documents.push({ id, title: draft.title, phase: 'consultation', deadline: null, createdAt: now, updatedAt: now });
  }
  await records.documents.completeSeed(documents);
  return documents;
}
