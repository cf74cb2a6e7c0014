/**
 * Limits shared by the client and the server. Defined once so that the form that refuses a long
 * comment and the route that rejects it always agree.
 */

/** Largest WebSocket frame the collaboration server accepts (ws would otherwise allow 100 MiB). */
export const MAX_FRAME_BYTES = 2 * 1024 * 1024;

/**
 * What the server holds for one socket that does not read fast enough, beyond the whole text it
 * sent it on joining (one buffer shared by every newcomer, so not this socket's cost). Past it the
 * socket is closed (CLOSE_CODES.fellBehind) and the client resyncs when it reconnects: a reader on a
 * weak link costs the server at most this, never more memory. Typing sends a few dozen bytes a
 * keystroke, so 1 MiB is minutes of a whole working group typing; a crowd of 2,000 all stalled at
 * once would hold 2 GiB, bounded.
 */
export const MAX_SEND_BACKLOG_BYTES = 1024 * 1024;

/**
 * Presence (awareness) a socket may send. A browser tab speaks for one client id (its Y.Doc's); the
 * few more allow for a Y.Doc that changed its id. A connection that claims more is closed.
 */
export const MAX_PRESENCE_IDS_PER_CONNECTION = 4;

/** Largest presence state for one client id, as the JSON a client sends: a caret and a name take a few hundred bytes. */
export const MAX_PRESENCE_STATE_BYTES = 4 * 1024;

/**
 * Presence changes and presence queries one socket may send: a burst, then a steady rate. A caret
 * dragged across the text moves a few dozen times a second, and only for a moment.
 */
export const PRESENCE_MESSAGE_BURST = 200;
export const PRESENCE_MESSAGES_PER_SECOND = 50;

/**
 * Entries read from one presence message; the rest are ignored. The stock client echoes back every
 * presence it receives, so an honest message may list the whole room, but never more than this.
 */
export const MAX_PRESENCE_ENTRIES_PER_MESSAGE = 1024;

/** Largest JSON body any REST route accepts. */
export const MAX_BODY_BYTES = 256 * 1024;

/** A comment, reply or proposed wording. */
export const MAX_COMMENT_CHARS = 10_000;

export const MAX_NAME_CHARS = 200;
export const MAX_TITLE_CHARS = 300;
/** Documents one invitation may name (POST /api/people `documents`). */
export const MAX_INVITATION_DOCUMENTS = 1000;

/** Document ids are slugs; nothing else may reach the file system. */
export const DOCUMENT_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** Path words under /api/documents/ that are routes, not documents: no document is given these ids. */
export const RESERVED_DOCUMENT_IDS: ReadonlySet<string> = new Set(['preview']);

/** Headings the editor offers: section, subsection, sub-subsection. */
export const HEADING_LEVELS = [1, 2, 3] as const;

/** The longest stretch of text one anchored comment may cover. */
export const MAX_QUOTE_CHARS = 20_000;

/** Largest file a new document may be made from (.docx, .md, .txt); above it the upload gets a 413. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** File types a new document may be made from. */
export const UPLOAD_EXTENSIONS = ['.docx', '.md', '.txt'] as const;

/**
 * The most a Word file may unpack to, summed over the sizes its zip directory declares, checked
 * before anything is inflated: a small file that unpacks to gigabytes is refused unread.
 */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

/** Sections (headings) one imported document may have. */
export const MAX_IMPORT_SECTIONS = 1000;

/** Time one conversion may take in its worker before it is stopped and refused. */
export const IMPORT_TIME_BUDGET_MS = 30_000;

/** A document's details, as the Secretariat edits them. */
export const MAX_REFERENCE_CHARS = 100;
export const MAX_DESCRIPTION_CHARS = 2_000;
export const MAX_WORKING_GROUP_CHARS = 200;

/** Rows one bulk invitation may hold (POST /api/people/bulk and its preview). */
export const MAX_BULK_INVITE_ROWS = 500;
/** Largest CSV file the bulk invitation dialog reads (500 rows take far less). */
export const MAX_BULK_INVITE_FILE_BYTES = 1024 * 1024;
/** Longest cell of such a row the server reads (longer names are refused row by row, with a reason). */
export const MAX_BULK_CELL_CHARS = 1000;

/**
 * A filled-in comment table (ISO-style, .xlsx or .docx) the Secretariat imports: its size, the size
 * it may unpack to (checked on the zip's directory before anything is inflated), and its rows.
 */
export const MAX_COMMENT_TABLE_BYTES = 10 * 1024 * 1024;
export const MAX_COMMENT_TABLE_UNZIPPED_BYTES = 100 * 1024 * 1024;
export const MAX_COMMENT_TABLE_ROWS = 500;
/** The corrected rows sent back to be stored: room for every row at its longest. */
export const MAX_COMMENT_IMPORT_BODY_BYTES = 12 * 1024 * 1024;
/** File types a comment table may come in. */
export const COMMENT_TABLE_EXTENSIONS = ['.xlsx', '.docx'] as const;
