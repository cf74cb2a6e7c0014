/**
 * Wire facts of the collaboration socket beyond the y-websocket protocol itself.
 * See docs/PROTOCOL.md.
 */

/**
 * Application close codes (4000-4999 are free for applications). The stock y-websocket client treats
 * 4400-4499 as final and stops reconnecting, so codes after which the client should come back are
 * outside that range.
 */
export const CLOSE_CODES = {
  /** The session is missing, expired or was ended. The client should send the person to sign in. */
  unauthenticated: 4401,
  /** The person may not open this document, or no longer may: they were taken out of its members. */
  forbidden: 4403,
  /** No document with that id. */
  notFound: 4404,
  /** The person's rights on this document changed (phase or role); reconnect to get the new ones. */
  rightsChanged: 4100,
  /**
   * The client's copy of the text is from before a restore (its `generation` parameter is not the
   * document's). Final: the client must drop its local copy, fetch the document and start afresh.
   */
  staleGeneration: 4410,
  /**
   * The server cannot store edits of this document right now (full disk, failed write); it keeps the
   * edits it took in memory and writes them once it can. Sent to writers only; reconnect later (the
   * server refuses writers with this code until the document is stored again).
   */
  storageUnavailable: 4503,
  /** The client sent a message the server cannot parse. */
  malformed: 4400,
  /**
   * The client sent more presence than a connection may (docs/PROTOCOL.md, Limits): more client ids
   * than MAX_PRESENCE_IDS_PER_CONNECTION, a state over MAX_PRESENCE_STATE_BYTES, or presence changes
   * and queries faster than the limit. Final: no honest client does this.
   */
  presenceFlood: 4429,
  /**
   * The client did not read what the server sent fast enough (its send backlog passed
   * MAX_SEND_BACKLOG_BYTES of shared/limits.ts); reconnect, which resyncs the text. A client that
   * stopped reading never sees this code: its socket is cut a moment later and it sees 1006.
   */
  fellBehind: 4101,
  /** The server is shutting down; reconnect later. */
  shuttingDown: 1001,
} as const;

export const COLLAB_PATH = '/collab';
