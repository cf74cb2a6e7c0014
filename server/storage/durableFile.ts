/**
 * Atomic, durable file replacement: write a temporary file, fsync it, rename it over the target and
 * fsync the folder, so that after a crash the target holds either the old or the new content, whole.
 * (steno, under lowdb, renames but never fsyncs.)
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

let sequence = 0;

export async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Each step waits for a turn of the event loop to carry on, and a turn can be long while thousands of
 * sockets are written (benchmark (g), docs/benchmarks.md): the steps that need not follow one another
 * go together. The folder is opened beside the temporary file, the file is closed while it is renamed
 * (a rename does not need it closed, and its data is synced by then), and the folder is closed without
 * waiting. Five waits instead of eight.
 */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const folderPath = path.dirname(file);
  const temp = path.join(folderPath, `.${path.basename(file)}.${process.pid}.${++sequence}.tmp`);
  const [opened, folder] = await Promise.allSettled([fs.open(temp, 'w', 0o600), fs.open(folderPath, 'r')]);
  const closeFolder = () => {
    if (folder.status === 'fulfilled') folder.value.close().catch(() => {});
  };
  if (opened.status === 'rejected' || folder.status === 'rejected') {
    closeFolder();
    if (opened.status === 'fulfilled') {
      await opened.value.close().catch(() => {});
      await fs.rm(temp, { force: true });
    }
    throw opened.status === 'rejected' ? opened.reason : (folder as PromiseRejectedResult).reason;
  }
  const handle = opened.value;
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    closeFolder();
    await handle.close().catch(() => {});
    await fs.rm(temp, { force: true });
    throw error;
  }
  // A close that fails after a successful fsync loses nothing: the data is on disk.
  const [, renamed] = await Promise.allSettled([handle.close(), fs.rename(temp, file)]);
  if (renamed.status === 'rejected') {
    closeFolder();
    await fs.rm(temp, { force: true });
    throw renamed.reason;
  }
  try {
    await folder.value.sync();
  } finally {
    closeFolder();
  }
}
