/**
 * The preview's rows as the Secretariat corrects them: the section, type and author chosen, whether
 * the row is imported, and what still stands in the way. Pure functions, no React.
 */
import type { ImportCommitRow, ImportPreviewRow, ImportProblem } from '../../shared/commentImport.ts';
import type { ThreadKind } from '../../shared/domain.ts';
import { MAX_COMMENT_CHARS } from '../../shared/limits.ts';
import { t } from '../i18n/intl.ts';

export interface EditableRow {
  preview: ImportPreviewRow;
  include: boolean;
  sectionId: string | null;
  kind: ThreadKind | null;
  authorId: string | null;
}

export const editable = (rows: ImportPreviewRow[]): EditableRow[] =>
  rows.map((preview) => ({ preview, include: true, sectionId: preview.sectionId, kind: preview.kind, authorId: preview.authorId }));

/** The quoted words hold only in the section they were found in: another section drops them. */
export const quoteOf = (row: EditableRow): string | null => (row.sectionId === row.preview.sectionId ? row.preview.quote : null);

/** What still stops the row, in the order of the table's columns and in the interface language; empty when it can be imported. */
export function missing(row: EditableRow): string[] {
  const reasons: string[] = [];
  if (!row.sectionId) reasons.push(t('import.needSection'));
  if (!row.kind) reasons.push(t('import.needType'));
  if (!row.authorId) reasons.push(t('import.needSender'));
  if (!row.preview.body.trim()) reasons.push(t('import.needComment'));
  if (row.preview.body.length > MAX_COMMENT_CHARS || (row.preview.proposedText?.length ?? 0) > MAX_COMMENT_CHARS) reasons.push(t('import.needShorter'));
  return reasons;
}

/** The problems the preview found that a choice made since has not settled. */
export function openProblems(row: EditableRow): ImportProblem[] {
  return row.preview.problems.filter((problem) => {
    if (problem.code === 'no-section' || problem.code === 'section-guessed') return row.sectionId === row.preview.sectionId;
    if (problem.code === 'bad-type') return !row.kind;
    if (problem.code === 'no-author' || problem.code === 'several-authors' || problem.code === 'author-by-country') return row.authorId === row.preview.authorId;
    return true;
  });
}

export function toCommit(rows: EditableRow[]): ImportCommitRow[] {
  return rows
    .filter((row) => row.include)
    .map((row) => ({
      line: row.preview.line,
      sectionId: row.sectionId!,
      quote: quoteOf(row),
      kind: row.kind!,
      body: row.preview.body,
      proposedText: row.preview.proposedText,
      authorId: row.authorId!,
    }));
}
