/**
 * A lowdb adapter that writes through writeFileDurably (fsync'd, atomic; on a thread of its own,
 * durableWriter.ts) and refuses to read damaged data instead of silently starting over. Concurrent writes are coalesced: each caller's promise
 * resolves once a write containing its change is on disk.
 */
import { promises as fs } from 'node:fs';
import type { Adapter } from 'lowdb';
import { writeFileDurablyOffThread } from './durableWriter.ts';

/** How a whole file is put on disk, durably and atomically; tests put a gate in front of it. */
export type FileWriter = (file: string, data: string) => Promise<void>;
import { CorruptDataError } from './errors.ts';

export class DurableJSONFile<T> implements Adapter<T> {
  private writing: Promise<void> | null = null;
  private next: { data: T; waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> } | null = null;

  constructor(
    readonly file: string,
    private readonly writeFile: FileWriter = writeFileDurablyOffThread,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (text.trim() === '') throw new CorruptDataError(this.file, 'the file is empty');
    if (text.includes('\u0000')) throw new CorruptDataError(this.file, 'the file contains NUL bytes');
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CorruptDataError(this.file, 'the file is not complete JSON; it may be truncated');
    }
  }

  write(data: T): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.next) {
        this.next.data = data;
        this.next.waiters.push({ resolve, reject });
      } else {
        this.next = { data, waiters: [{ resolve, reject }] };
      }
      if (!this.writing) this.writing = this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.next) {
      const batch = this.next;
      this.next = null;
      try {
        await this.writeFile(this.file, JSON.stringify(batch.data));
        for (const w of batch.waiters) w.resolve();
      } catch (error) {
        for (const w of batch.waiters) w.reject(error);
      }
    }
    this.writing = null;
  }
}
