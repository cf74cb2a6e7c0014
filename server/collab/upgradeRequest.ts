/**
 * Reading and refusing an upgrade request before any socket exists: the path and document id it
 * names, and a plain HTTP refusal written on the raw socket.
 */
import type { Duplex } from 'node:stream';
import { COLLAB_PATH } from '../../shared/protocol.ts';

export function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

/**
 * The upgrade's URL and the document id in its path; null for a path outside `/collab/`, 'malformed'
 * for one that cannot be parsed or percent-decoded (`%E0%A4%A`): a client's mistake, never a 500.
 */
export function collabPath(reqUrl: string | undefined): { url: URL; documentId: string } | null | 'malformed' {
  const prefix = `${COLLAB_PATH}/`;
  try {
    const url = new URL(reqUrl ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(prefix)) return null;
    return { url, documentId: decodeURIComponent(url.pathname.slice(prefix.length)) };
  } catch {
    return 'malformed';
  }
}
