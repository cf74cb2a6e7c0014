/**
 * Restoring a backup into a DATA_DIR. Nothing is written until the whole archive is checked: every
 * file against the manifest (archive.ts), every JSON file parsed, every document log and version
 * decoded into a Yjs document, and every document in accord.json given its log. The files are then
 * written into a folder beside DATA_DIR, which is swapped in with a rename; the folder that was there
 * is kept aside until the swap succeeded (and afterwards, when it held data). Never while a server
 * holds the folder. Every document gets a new generation, so that clients holding the old text start
 * afresh instead of merging it in.
 */
import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { DOCUMENT_ID_PATTERN } from '../../shared/limits.ts';
import { decodeRecords } from '../storage/logRecords.ts';
import { syncFolder, writeFileDurably } from '../storage/durableFile.ts';
import { lockDataDir } from '../storage/dataDirLock.ts';
import { listDataFiles, readArchive, RestoreError } from './archive.ts';

export { RestoreError } from './archive.ts';

const RECORDS_FILE = 'accord.json';

/** Restores into dataDir. With `force`, a dataDir holding data is moved aside (and kept). */
export async function restoreBackup(dataDir: string, fromFile: string, options: { force?: boolean } = {}): Promise<{ files: number; movedAside: string | null }> {
  const files = readArchive(await fs.readFile(fromFile));
  checkContents(files);
  const root = path.resolve(dataDir);
  await fs.mkdir(root, { recursive: true });
  // Refuses while a server runs on it; held while restoring so none starts meanwhile.
  const unlock = lockDataDir(root);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const staging = `${root}.restoring-${stamp}`;
  const aside = `${root}.before-restore-${stamp}`;
  let swapped = false;
  try {
    if ((await listDataFiles(root)).length > 0 && !options.force) throw new RestoreError(`${root} already holds data. Use --force to move it aside and restore.`);
    await fs.mkdir(staging);
    // The restored folder is locked from the moment it appears under the DATA_DIR name.
    lockDataDir(staging);
    for (const [name, data] of files) {
      const target = path.join(staging, ...name.split('/'));
      await fs.mkdir(path.dirname(target), { recursive: true });
      await writeFileDurably(target, name === RECORDS_FILE ? withNewGenerations(data.toString('utf8')) : data);
    }
    await syncTree(staging);
    await fs.rename(root, aside);
    try {
      await fs.rename(staging, root);
    } catch (error) {
      await fs.rename(aside, root);
      throw error;
    }
    swapped = true;
    await syncFolder(path.dirname(root));
    rmSync(path.join(aside, '.lock'), { force: true });
    // An empty folder left aside is no news; anything else there is kept and said.
    const left = await fs.readdir(aside);
    if (left.length === 0) await fs.rmdir(aside);
    return { files: files.size, movedAside: left.length > 0 ? aside : null };
  } finally {
    unlock();
    if (!swapped) await fs.rm(staging, { recursive: true, force: true });
  }
}

/** Folders are fsync'd too: a renamed-in folder whose entries are not on disk would come back empty. */
async function syncTree(folder: string): Promise<void> {
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) await syncTree(path.join(folder, entry.name));
  }
  await syncFolder(folder);
}

/** Decodes everything the server will read; throws a RestoreError naming the first file that fails. */
function checkContents(files: Map<string, Buffer>): void {
  const records = files.get(RECORDS_FILE);
  if (!records) throw new RestoreError(`The backup holds no ${RECORDS_FILE}; it is not a whole backup.`);
  for (const [name, data] of files) {
    if (name.endsWith('.json')) parseJson(name, data.toString('utf8'));
    else if (name.endsWith('.jsonl')) checkJsonLines(name, data.toString('utf8'));
    else if (name.endsWith('.ylog')) checkLog(name, data);
    else if (name.endsWith('.yjs')) checkState(name, [new Uint8Array(data)]);
  }
  const shape = parseJson(RECORDS_FILE, records.toString('utf8')) as { people?: unknown; sessions?: unknown; documents?: Array<{ id?: unknown }> };
  if (!shape || typeof shape !== 'object' || !Array.isArray(shape.people) || !Array.isArray(shape.sessions) || !Array.isArray(shape.documents)) {
    throw new RestoreError(`${RECORDS_FILE} in the backup does not have the structure of Accord's records.`);
  }
  for (const document of shape.documents) {
    if (typeof document?.id !== 'string' || !DOCUMENT_ID_PATTERN.test(document.id)) throw new RestoreError(`${RECORDS_FILE} in the backup names a document with an invalid id.`);
    if (!files.has(`documents/${document.id}.ylog`)) throw new RestoreError(`The backup holds no text for document ${document.id} (documents/${document.id}.ylog).`);
  }
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RestoreError(`${name} in the backup is not complete JSON; the backup is damaged.`);
  }
}

/** An append-only log: a last line cut short by a crash is skipped when read, any other must parse. */
function checkJsonLines(name: string, text: string): void {
  const lines = text.split('\n');
  const last = lines.pop();
  for (const line of lines) if (line.trim() !== '') parseJson(name, line);
  if (last && last.trim() !== '') {
    try {
      JSON.parse(last);
    } catch {
      // A torn last line, as the audit log's reader expects.
    }
  }
}

function checkLog(name: string, data: Buffer): void {
  const decoded = decodeRecords(data);
  if (decoded.problem) throw new RestoreError(`${name} in the backup is damaged (${decoded.detail}).`);
  checkState(name, decoded.updates);
}

function checkState(name: string, updates: Uint8Array[]): void {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    // An update that refers to content no other update holds is damage too.
    if (doc.store.pendingStructs || doc.store.pendingDs) throw new Error('it refers to content that is missing');
  } catch (error) {
    throw new RestoreError(`${name} in the backup cannot be read as a document (${(error as Error).message}).`);
  } finally {
    doc.destroy();
  }
}

function withNewGenerations(json: string): string {
  const data = JSON.parse(json) as { documents?: Array<{ generation?: string }> };
  for (const document of data.documents ?? []) document.generation = randomUUID();
  return JSON.stringify(data);
}
