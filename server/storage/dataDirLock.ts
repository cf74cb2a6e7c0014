/**
 * One server per DATA_DIR. Two processes writing the same lowdb files would silently lose each
 * other's changes, so the second is refused. The lock file holds the owner's pid; a lock left by a
 * process that no longer exists (after kill -9) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirLocked extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new DataDirLocked(`Another Accord server (pid ${pid}) is using ${dataDir}. Stop it first, or give this one its own DATA_DIR.`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirLocked(`Could not lock ${dataDir}.`);
}
