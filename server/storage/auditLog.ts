/**
 * The audit log: who did what and when, append-only. One JSON object per line in `audit.jsonl`,
 * fsync'd before record() resolves, so an acknowledged action is on the record. Nothing ever rewrites
 * or deletes a line.
 */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { AuditEvent } from '../../shared/api.ts';

export type { AuditEvent } from '../../shared/api.ts';

export interface AuditLog {
  record(event: Omit<AuditEvent, 'at'>): Promise<void>;
  /** Newest first. */
  list(options?: { limit?: number }): Promise<AuditEvent[]>;
  close(): Promise<void>;
}

export function openAuditLog(dataDir: string): AuditLog {
  const file = path.join(dataDir, 'audit.jsonl');
  let handle: Promise<FileHandle> | null = null;
  let chain: Promise<void> = Promise.resolve();
  const open = () => (handle ??= fs.open(file, 'a', 0o600));

  return {
    record(event) {
      const line = `${JSON.stringify({ at: new Date().toISOString(), ...event })}\n`;
      const run = chain.then(async () => {
        const h = await open();
        await h.write(line);
        await h.datasync();
      });
      chain = run.catch(() => {});
      return run;
    },
    async list(options = {}) {
      await chain;
      let text = '';
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      const events: AuditEvent[] = [];
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          events.push(JSON.parse(line) as AuditEvent);
        } catch {
          // A torn last line from a crash: everything before it stands.
        }
      }
      events.reverse();
      return options.limit ? events.slice(0, options.limit) : events;
    },
    async close() {
      await chain;
      if (handle) await (await handle).close();
      handle = null;
    },
  };
}
