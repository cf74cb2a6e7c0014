/** Storage failures, told apart by type (never by message text). */

/** The data on disk cannot be read as what it should be; the server must not run on it. */
export class CorruptDataError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(
      `${file} is damaged (${detail}). Accord will not start on damaged data and has not changed it. ` +
        `Restore it from a backup (npm run restore) or move it aside to start empty.`,
    );
  }
}

/** A write failed (full disk, no permission); memory was put back to what is on disk. */
export class StorageWriteError extends Error {}

/** A document's stored text is damaged: that document is refused (and its file left as it is); others work. */
export class DocumentDamagedError extends Error {
  constructor(
    readonly documentId: string,
    readonly file: string,
    detail: string,
  ) {
    super(
      `The stored text of document ${documentId} (${file}) is damaged: ${detail}. Accord will not open it ` +
        `and has not changed the file. Restore it from a backup (npm run restore).`,
    );
  }
}

/**
 * The database cannot be reached (refused, dropped, restarting). Nothing was written by the request
 * that met it; the pool reconnects on its own once the database is back.
 */
export class StorageUnavailableError extends StorageWriteError {}
