/**
 * Where the report reads a document's text: the live collaboration room inside the server, or the
 * stored update log for the CLI, which runs without a server and must never write.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { DOCUMENT_ID_PATTERN } from '../../shared/limits.ts';
import type { RoomRegistry } from '../collab/rooms.ts';
import { decodeRecords } from '../storage/logRecords.ts';
import { DocumentDamagedError } from '../storage/errors.ts';
import type { DocumentTexts } from './build.ts';

export function textsFromRooms(rooms: RoomRegistry): DocumentTexts {
  return { read: (documentId, fn) => rooms.use(documentId, (room) => fn(room.doc)) };
}

/**
 * Reads `documents/<id>.ylog` (updateLog.ts's layout) without opening the log for writing: the
 * log's own load() cuts off a torn last record, which would race a server appending to the same
 * file. Here a torn record is only skipped, as the server would itself keep everything before it.
 */
export function textsFromLogFiles(dataDir: string): DocumentTexts {
  return {
    async read(documentId, fn) {
      if (!DOCUMENT_ID_PATTERN.test(documentId)) throw new Error(`Refusing unsafe document id ${JSON.stringify(documentId)}`);
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(path.join(dataDir, 'documents', `${documentId}.ylog`));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        bytes = Buffer.alloc(0);
      }
      const decoded = decodeRecords(bytes);
      if (decoded.problem === 'damaged') throw new DocumentDamagedError(documentId, `documents/${documentId}.ylog`, decoded.detail);
      const doc = new Y.Doc();
      try {
        Y.transact(doc, () => {
          for (const update of decoded.updates) Y.applyUpdate(doc, update);
        });
        return fn(doc);
      } finally {
        doc.destroy();
      }
    },
  };
}
