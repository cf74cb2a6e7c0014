/**
 * Importing a filled-in comment table: a preview that stores nothing, then the corrected rows stored
 * as threads in one write, all or none, each entered for its author as received on one date and
 * given its permanent reference. The Secretariat's own commenting rules apply (phase and deadline),
 * as when it enters one comment on someone's behalf.
 */
import type { ImportAuthor, ImportCommit, ImportPreview, ImportResult } from '../../../shared/commentImport.ts';
import { MAX_QUOTE_CHARS } from '../../../shared/limits.ts';
import type { PersonRecord } from '../../storage/records.ts';
import type { NewThreadRecord } from '../../storage/threadRecords.ts';
import { indexText } from '../../documents/anchors.ts';
import { readSections } from '../../documents/text.ts';
import { listMembers } from '../../people/members.ts';
import { newId } from '../../people/tokens.ts';
import { authorize } from '../../rights.ts';
import { errors, type WordValues, type Words } from '../../errors.ts';
import type { MessageKey } from '../../../shared/i18n/en.ts';
import { checkCommenting, documentOf, nowIso, peopleById, type ThreadDeps } from '../common.ts';
import { placeThread } from '../present.ts';
import { refPrefix } from '../refs.ts';
import { findQuote } from './quotes.ts';
import { placeRow } from './placeRows.ts';
import { commentTableOffThread } from '../../documents/import/offThread.ts';
import { ImportRefusal } from '../../documents/import/refusal.ts';
import { tableRefusal } from './tableFile.ts';
import type { CommentTable } from './readTable.ts';

async function checkImporting(deps: ThreadDeps, actor: PersonRecord, documentId: string) {
  const document = await documentOf(deps, documentId);
  authorize(actor, 'comments.import', document);
  checkCommenting(deps, actor, 'thread.comment', document);
  return document;
}

/** The members a comment may be entered for: everyone on the document but the Secretariat. */
async function authorsOf(deps: ThreadDeps, documentId: string): Promise<PersonRecord[]> {
  return (await listMembers(deps.records, documentId)).map((m) => m.person).filter((p) => p.active && p.role !== 'secretariat');
}

const presentAuthor = (p: PersonRecord): ImportAuthor => ({ id: p.id, name: p.name, country: p.country, organisation: p.organisation, email: p.email });

/** Read in the import worker, within its time and memory budget, so the server keeps answering. */
async function readTable(fileName: string, bytes: Uint8Array): Promise<CommentTable> {
  try {
    return await commentTableOffThread(fileName, bytes);
  } catch (error) {
    if (!(error instanceof ImportRefusal)) throw error;
    if (error.code === 'conversion_timeout') throw tableRefusal.tooSlow(fileName);
    throw tableRefusal.unpacksTooLarge(fileName);
  }
}

export async function previewImport(deps: ThreadDeps, actor: PersonRecord, documentId: string, file: { fileName: string; bytes: Uint8Array }): Promise<ImportPreview> {
  await checkImporting(deps, actor, documentId);
  const table = await readTable(file.fileName, file.bytes);
  const authors = (await authorsOf(deps, documentId)).map(presentAuthor);
  const rows = await deps.collab.rooms.use(documentId, (room) => {
    const index = indexText(room.doc);
    const sections = readSections(room.doc);
    const locate = (cell: string, sectionId: string | null) => findQuote(index, cell, sectionId);
    return table.rows.map((row) => placeRow(row, { sections, locate, authors }));
  });
  return { fileName: file.fileName, rows, authors, ignoredColumns: table.ignoredColumns };
}

export async function commitImport(deps: ThreadDeps, actor: PersonRecord, documentId: string, commit: ImportCommit): Promise<ImportResult> {
  await checkImporting(deps, actor, documentId);
  const at = nowIso(deps);
  const receivedAt = commit.receivedAt === undefined ? at : new Date(commit.receivedAt).toISOString();
  if (receivedAt > at) throw errors.invalidInput('receivedAt: a table cannot have been received in the future').saying('error.import.receivedInFuture');
  const authors = new Map((await authorsOf(deps, documentId)).map((p) => [p.id, p]));
  // Each refused row: the English, and the catalogue words that say it in the reader's language.
  const refusals: Array<{ english: string; words: Words }> = [];
  const refuse = (line: number, english: string, key: MessageKey, values: WordValues = {}) =>
    refusals.push({ english: `row ${line}: ${english}`, words: { key, values: { line, ...values } } });
  const threads = await deps.collab.rooms.use(documentId, (room) => {
    const index = indexText(room.doc);
    const sectionIds = new Set(readSections(room.doc).map((s) => s.id));
    return commit.rows.map((row) => {
      const author = authors.get(row.authorId);
      if (!author) refuse(row.line, 'the person chosen does not take part in this document', 'error.importRow.notMember');
      if (!sectionIds.has(row.sectionId)) refuse(row.line, 'no such section in this document', 'error.importRow.noSection');
      // The text may have changed since the preview: the words are looked for again.
      const found = row.quote && sectionIds.has(row.sectionId) ? findQuote(index, row.quote, row.sectionId) : null;
      if (row.quote && !found) refuse(row.line, 'the quoted words are no longer in that section', 'error.importRow.quoteGone');
      if (found && found.quote.length > MAX_QUOTE_CHARS) refuse(row.line, `a comment may cover at most ${MAX_QUOTE_CHARS} characters`, 'error.importRow.quoteTooLong', { max: MAX_QUOTE_CHARS });
      const record: NewThreadRecord = {
        id: newId(),
        documentId,
        sectionId: row.sectionId,
        anchor: found?.anchor ?? null,
        originalQuote: found?.quote ?? '',
        kind: row.kind,
        body: row.body,
        proposedText: row.proposedText || null,
        authorId: row.authorId,
        createdAt: at,
        updatedAt: at,
        previousBodies: [],
        status: 'open',
        response: null,
        assigneeId: null,
        dispositions: [],
        replies: [],
        endorsements: [],
        withdrawnAt: null,
        received: { at: receivedAt, enteredById: actor.id },
      };
      return { thread: record, refPrefix: refPrefix(author) };
    });
  });
  if (refusals.length) {
    const shown = refusals.slice(0, 10).map((r) => r.english).join('; ');
    // The other languages name the first row's problem and count the rest.
    throw errors
      .invalidInput(`Nothing was imported: ${shown}${refusals.length > 10 ? `; and ${refusals.length - 10} more` : ''}.`)
      .saying('error.import.nothingImported', { first: refusals[0]!.words, more: refusals.length - 1 });
  }
  const stored = await deps.threads.insertMany(documentId, threads);
  await deps.audit.record({
    actorId: actor.id,
    actorName: actor.name,
    action: 'comments.import',
    target: documentId,
    detail: { documentId, count: stored.length, refs: stored.map((t) => t.ref), receivedAt, fileName: commit.fileName ?? null },
  });
  // Every open page adds the new threads as they would one posted.
  const people = await peopleById(deps.records);
  await deps.collab.rooms.use(documentId, (room) => {
    const index = indexText(room.doc);
    for (const record of stored) deps.events.publish(documentId, { type: 'thread', thread: placeThread(record, people, index).thread });
  });
  return { count: stored.length, threads: stored.map((t, i) => ({ id: t.id, ref: t.ref, line: commit.rows[i]!.line })) };
}
