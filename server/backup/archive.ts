/**
 * The backup file: one gzip'd JSON file holding every data file of a DATA_DIR and a manifest with the
 * size and SHA-256 of each. It can be taken while the server runs: JSON files are only ever replaced
 * whole (rename), so each is read whole; a document log is cut to its last complete record, and a
 * damaged one stops the backup (a backup that cannot be restored is worse than none).
 *
 * Reading an archive checks it whole (format, paths, manifest, every hash) and hands back the files;
 * restore.ts then checks what they hold before it writes anything.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeRecords } from '../storage/logRecords.ts';
import { writeFileDurably } from '../storage/durableFile.ts';

const FORMAT = 'accord-backup';
/** 1: files only (no manifest). 2: files and a manifest of sizes and SHA-256 hashes. */
export const BACKUP_VERSION = 2;

interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
}

interface Archive {
  format: typeof FORMAT;
  version: 1 | 2;
  createdAt: string;
  manifest?: ManifestEntry[];
  files: Array<{ path: string; data: string }>;
}

export class RestoreError extends Error {}

/** Files that make up the data; the lock and temporary files are not data. */
function isDataFile(relative: string): boolean {
  const base = path.basename(relative);
  return !base.startsWith('.') && !base.endsWith('.tmp');
}

export async function listDataFiles(root: string, dir = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, dir), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listDataFiles(root, relative)));
    else if (entry.isFile() && isDataFile(relative)) files.push(relative);
  }
  return files.toSorted();
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function createBackup(dataDir: string, outFile: string): Promise<{ files: number; bytes: number }> {
  const files: Archive['files'] = [];
  const manifest: ManifestEntry[] = [];
  for (const relative of await listDataFiles(dataDir)) {
    let bytes = await fs.readFile(path.join(dataDir, relative));
    if (relative.endsWith('.ylog')) {
      const decoded = decodeRecords(bytes);
      if (decoded.problem === 'damaged') throw new Error(`${relative} is damaged (${decoded.detail}); restore that document before taking a backup.`);
      bytes = bytes.subarray(0, decoded.goodBytes);
    }
    const name = relative.split(path.sep).join('/');
    files.push({ path: name, data: bytes.toString('base64') });
    manifest.push({ path: name, bytes: bytes.byteLength, sha256: sha256(bytes) });
  }
  const archive: Archive = { format: FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), manifest, files };
  const packed = gzipSync(JSON.stringify(archive));
  await writeFileDurably(path.resolve(outFile), packed);
  return { files: files.length, bytes: packed.byteLength };
}

/** Unpacks an archive and checks it against its manifest; returns each file's bytes by path. */
export function readArchive(bytes: Buffer): Map<string, Buffer> {
  let archive: Archive;
  try {
    archive = JSON.parse(gunzipSync(bytes).toString('utf8')) as Archive;
  } catch {
    throw new RestoreError('This is not an Accord backup (it could not be unpacked).');
  }
  if (archive?.format !== FORMAT || (archive.version !== 1 && archive.version !== 2) || !Array.isArray(archive.files)) {
    throw new RestoreError('This is not an Accord backup of a version this server knows.');
  }
  const files = new Map<string, Buffer>();
  for (const file of archive.files) {
    if (typeof file?.path !== 'string' || typeof file.data !== 'string') throw new RestoreError('The backup lists a file without a path or content.');
    const normal = path.posix.normalize(file.path);
    if (normal.startsWith('..') || path.posix.isAbsolute(normal) || normal !== file.path || !isDataFile(normal)) {
      throw new RestoreError(`The backup names an unsafe path: ${file.path}`);
    }
    if (files.has(file.path)) throw new RestoreError(`The backup holds ${file.path} twice.`);
    files.set(file.path, Buffer.from(file.data, 'base64'));
  }
  if (archive.version === 2) checkManifest(archive.manifest, files);
  return files;
}

function checkManifest(manifest: ManifestEntry[] | undefined, files: Map<string, Buffer>): void {
  if (!Array.isArray(manifest)) throw new RestoreError('The backup has no manifest; it is damaged.');
  const listed = new Set<string>();
  for (const entry of manifest) {
    const data = files.get(entry?.path);
    if (!data) throw new RestoreError(`The backup's manifest lists ${entry?.path}, but the file is missing.`);
    if (data.byteLength !== entry.bytes || sha256(data) !== entry.sha256) {
      throw new RestoreError(`${entry.path} in the backup does not match its manifest (size or SHA-256); the backup is damaged.`);
    }
    listed.add(entry.path);
  }
  for (const name of files.keys()) if (!listed.has(name)) throw new RestoreError(`${name} in the backup is not in its manifest; the backup is damaged.`);
}
