/**
 * Backup and restore of a DATA_DIR. A backup is one gzip'd JSON file holding every data file. It can
 * be taken while the server runs: JSON files are only ever replaced whole (rename), so each is read
 * whole; a document log is cut to its last complete record. A restore writes into an empty DATA_DIR
 * (or moves the old one aside), never while a server holds it, and gives every document a new
 * generation so that clients holding the old text start afresh instead of merging it in.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeRecords } from '../storage/updateLog.ts';
import { writeFileDurably } from '../storage/durableFile.ts';
import { lockDataDir } from '../storage/dataDirLock.ts';

const FORMAT = 'accord-backup';

interface Archive {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  files: Array<{ path: string; data: string }>;
}

/** Files that make up the data; the lock and temporary files are not data. */
function isDataFile(relative: string): boolean {
  const base = path.basename(relative);
  return !base.startsWith('.') && !base.endsWith('.tmp');
}

async function listFiles(root: string, dir = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, dir), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative)));
    else if (entry.isFile() && isDataFile(relative)) files.push(relative);
  }
  return files.toSorted();
}

export async function createBackup(dataDir: string, outFile: string): Promise<{ files: number; bytes: number }> {
  const files: Archive['files'] = [];
  for (const relative of await listFiles(dataDir)) {
    let bytes = await fs.readFile(path.join(dataDir, relative));
    if (relative.endsWith('.ylog')) {
      const decoded = decodeRecords(bytes);
      if (decoded.problem === 'damaged') throw new Error(`${relative} is damaged (${decoded.detail}); restore that document before taking a backup.`);
      bytes = bytes.subarray(0, decoded.goodBytes);
    }
    files.push({ path: relative.split(path.sep).join('/'), data: bytes.toString('base64') });
  }
  const archive: Archive = { format: FORMAT, version: 1, createdAt: new Date().toISOString(), files };
  const packed = gzipSync(JSON.stringify(archive));
  await writeFileDurably(path.resolve(outFile), packed);
  return { files: files.length, bytes: packed.byteLength };
}

export class RestoreError extends Error {}

function readArchive(bytes: Buffer): Archive {
  let archive: Archive;
  try {
    archive = JSON.parse(gunzipSync(bytes).toString('utf8')) as Archive;
  } catch {
    throw new RestoreError('This is not an Accord backup (it could not be unpacked).');
  }
  if (archive?.format !== FORMAT || archive.version !== 1 || !Array.isArray(archive.files)) {
    throw new RestoreError('This is not an Accord backup of a version this server knows.');
  }
  for (const file of archive.files) {
    const normal = path.posix.normalize(file.path);
    if (normal.startsWith('..') || path.posix.isAbsolute(normal) || normal !== file.path) {
      throw new RestoreError(`The backup names an unsafe path: ${file.path}`);
    }
  }
  return archive;
}

/** Restores into dataDir. With `force`, a non-empty dataDir is moved aside first (and kept). */
export async function restoreBackup(dataDir: string, fromFile: string, options: { force?: boolean } = {}): Promise<{ files: number; movedAside: string | null }> {
  const archive = readArchive(await fs.readFile(fromFile));
  const root = path.resolve(dataDir);
  await fs.mkdir(root, { recursive: true });
  // Refuses while a server runs on it; held while restoring so none starts meanwhile.
  const unlock = lockDataDir(root);
  let movedAside: string | null = null;
  try {
    const existing = (await listFiles(root)).length;
    if (existing > 0) {
      if (!options.force) throw new RestoreError(`${root} already holds data. Use --force to move it aside and restore.`);
      movedAside = `${root}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await fs.mkdir(movedAside);
      for (const entry of await fs.readdir(root)) if (entry !== '.lock') await fs.rename(path.join(root, entry), path.join(movedAside, entry));
    }
    for (const file of archive.files) {
      let data: Buffer | string = Buffer.from(file.data, 'base64');
      if (file.path === 'accord.json') data = withNewGenerations(data.toString('utf8'));
      const target = path.join(root, ...file.path.split('/'));
      await fs.mkdir(path.dirname(target), { recursive: true });
      await writeFileDurably(target, data);
    }
  } finally {
    unlock();
  }
  return { files: archive.files.length, movedAside };
}

function withNewGenerations(json: string): string {
  const data = JSON.parse(json) as { documents?: Array<{ generation?: string }> };
  for (const document of data.documents ?? []) document.generation = randomUUID();
  return JSON.stringify(data);
}
