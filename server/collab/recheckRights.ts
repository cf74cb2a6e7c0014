/**
 * Open sockets whose person or document changed (deactivated, removed, a phase change, a deleted
 * document) are read again from the records and closed with the code that tells the client why.
 */
import { CLOSE_CODES } from '../../shared/protocol.ts';
import { textAccessOn } from '../../shared/access.ts';
import type { Records } from '../storage/records.ts';
import { roleOn } from '../rights.ts';
import type { Connection } from './connection.ts';

export async function recheckRights(records: Records, connections: readonly Connection[]): Promise<void> {
  for (const conn of connections) {
    const [person, document] = await Promise.all([records.people.get(conn.identity.id), records.documents.get(conn.room.documentId)]);
    if (!person?.active) {
      conn.close(CLOSE_CODES.unauthenticated, 'Your access has ended');
      continue;
    }
    if (!document) {
      // The document was deleted.
      conn.close(CLOSE_CODES.notFound, 'No such document');
      continue;
    }
    const role = await roleOn(records, person, document.id);
    if (!role) {
      conn.close(CLOSE_CODES.forbidden, 'You no longer take part in this document');
      continue;
    }
    const canWrite = textAccessOn(role, document).edit;
    if (canWrite !== conn.canWrite) {
      // Stop writes at once; the client reconnects and learns its new rights.
      conn.canWrite = false;
      conn.close(CLOSE_CODES.rightsChanged, 'Your rights on this document changed');
    }
  }
}
