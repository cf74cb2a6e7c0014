/**
 * Each row of a comment table placed in the document: the section its clause names, the quoted words
 * found in that section, the kind, and the member it will be entered for. What cannot be placed is
 * said per row, in words the Secretariat can act on; nothing here stores anything.
 */
import type { ImportAuthor, ImportPreviewRow, ImportProblem } from '../../../shared/commentImport.ts';
import type { MessageKey } from '../../../shared/i18n/en.ts';
import { MAX_COMMENT_CHARS } from '../../../shared/limits.ts';
import { translate } from '../../i18n.ts';
import { PREAMBLE_SECTION_ID, type Section } from '../../../shared/sections.ts';
import { clauseOf, countryOf, kindOf } from './cellValues.ts';
import type { TableRow } from './readTable.ts';

export interface Placement {
  sections: Section[];
  /** Where the quoted words stand: in the section when one is given, else anywhere. */
  locate(cell: string, sectionId: string | null): { sectionId: string; quote: string; unique: boolean } | null;
  authors: ImportAuthor[];
}

type Words = `importProblem.${string}` & MessageKey;
const problem =
  (isBlocking: boolean) =>
  (code: ImportProblem['code'], key: Words, values: Record<string, string | number> = {}): ImportProblem => ({
    code,
    blocking: isBlocking,
    words: { key, values },
    message: translate('en', key, values),
  });
const blocking = problem(true);
const warning = problem(false);

const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The section a clause names; a subclause deeper than the text's headings falls to its parent. */
function sectionOf(row: TableRow, sections: Section[], problems: ImportProblem[]): string | null {
  const clause = clauseOf(row.clause);
  if (clause.kind === 'general') {
    const preamble = sections.find((s) => s.id === PREAMBLE_SECTION_ID) ?? sections[0];
    if (preamble?.id !== PREAMBLE_SECTION_ID && preamble) problems.push(warning('section-guessed', 'importProblem.generalOnSection', { clause: row.clause, section: preamble.number }));
    return preamble?.id ?? null;
  }
  if (clause.kind !== 'number') return null;
  const parts = clause.number.split('.');
  for (let depth = parts.length; depth > 0; depth--) {
    const number = parts.slice(0, depth).join('.');
    const section = sections.find((s) => s.number === number);
    if (!section) continue;
    if (depth < parts.length) problems.push(warning('section-guessed', 'importProblem.parentSection', { clause: clause.number, section: number }));
    return section.id;
  }
  return null;
}

/** The member the row was sent by: e-mail, then name, then the one member of its country. */
function authorOf(row: TableRow, authors: ImportAuthor[], problems: ImportProblem[]): { authorId: string | null; candidateIds: string[] } {
  const email = row.authorEmail.toLowerCase();
  if (email) {
    const byEmail = authors.find((a) => a.email.toLowerCase() === email);
    if (byEmail) return { authorId: byEmail.id, candidateIds: [] };
  }
  if (row.authorName) {
    const byName = authors.filter((a) => folded(a.name) === folded(row.authorName));
    if (byName.length === 1) return { authorId: byName[0]!.id, candidateIds: [] };
  }
  const country = countryOf(row.memberBody);
  const named = row.authorName || row.authorEmail;
  if (!country) {
    if (named) problems.push(row.memberBody ? blocking('no-author', 'importProblem.namedUnknownBody', { named, body: row.memberBody }) : blocking('no-author', 'importProblem.namedNoBody', { named }));
    else problems.push(row.memberBody ? blocking('no-author', 'importProblem.unknownBody', { body: row.memberBody }) : blocking('no-author', 'importProblem.noBody'));
    return { authorId: null, candidateIds: [] };
  }
  let fromCountry = authors.filter((a) => a.country.toUpperCase() === country);
  if (fromCountry.length > 1 && row.organisation) {
    const sameOrganisation = fromCountry.filter((a) => folded(a.organisation) === folded(row.organisation));
    if (sameOrganisation.length > 0) fromCountry = sameOrganisation;
  }
  if (fromCountry.length === 1) {
    const [only] = fromCountry;
    if (named) problems.push(warning('author-by-country', 'importProblem.authorByCountry', { named, name: only!.name, country }));
    return { authorId: only!.id, candidateIds: [] };
  }
  if (fromCountry.length === 0) {
    problems.push(named ? blocking('no-author', 'importProblem.noMemberFromOrNamed', { country, named }) : blocking('no-author', 'importProblem.noMemberFrom', { country }));
    return { authorId: null, candidateIds: [] };
  }
  problems.push(blocking('several-authors', 'importProblem.severalAuthors', { count: fromCountry.length, country }));
  return { authorId: null, candidateIds: fromCountry.map((a) => a.id) };
}

/** The line and paragraph the table gave, kept with the comment when they could not become an anchor. */
function whereNote(row: TableRow, quoteFound: boolean): string {
  const parts = [row.lineNumber && `Line ${row.lineNumber}`, !quoteFound && row.paragraph && `Paragraph/Figure/Table: ${row.paragraph}`].filter(Boolean);
  return parts.length ? `[${parts.join(' · ')}]` : '';
}

export function placeRow(row: TableRow, placement: Placement): ImportPreviewRow {
  const problems: ImportProblem[] = [];
  let sectionId = sectionOf(row, placement.sections, problems);
  let found = row.paragraph ? placement.locate(row.paragraph, sectionId) : null;
  if (!sectionId) {
    const anywhere = row.paragraph ? placement.locate(row.paragraph, null) : null;
    if (anywhere?.unique) {
      sectionId = anywhere.sectionId;
      found = anywhere;
      const number = placement.sections.find((s) => s.id === sectionId)?.number;
      problems.push(row.clause ? warning('section-guessed', 'importProblem.quoteSectionNamed', { clause: row.clause, section: number ?? '' }) : warning('section-guessed', 'importProblem.quoteSectionNoClause', { section: number ?? '' }));
    } else {
      found = null;
      problems.push(row.clause ? blocking('no-section', 'importProblem.noSectionNamed', { clause: row.clause }) : blocking('no-section', 'importProblem.noClause'));
    }
  }
  if (row.paragraph && !found && sectionId) {
    problems.push(warning('quote-not-found', 'importProblem.quoteNotFound', { quote: row.paragraph.slice(0, 80) }));
  }
  const kind = kindOf(row.type);
  if (!kind) problems.push(row.type ? blocking('bad-type', 'importProblem.badType', { type: row.type }) : blocking('bad-type', 'importProblem.noType'));
  const note = whereNote(row, Boolean(found));
  const body = note && row.comment ? `${note}\n${row.comment}` : row.comment;
  if (!row.comment) problems.push(blocking('no-comment', 'importProblem.noComment'));
  if (body.length > MAX_COMMENT_CHARS || row.proposedChange.length > MAX_COMMENT_CHARS) {
    problems.push(blocking('comment-too-long', 'importProblem.tooLong', { max: MAX_COMMENT_CHARS }));
  }
  const { authorId, candidateIds } = authorOf(row, placement.authors, problems);
  return {
    line: row.line,
    source: { memberBody: row.memberBody, clause: row.clause, paragraph: row.paragraph, type: row.type, author: [row.authorName, row.authorEmail].filter(Boolean).join(' ') },
    sectionId,
    quote: found?.quote ?? null,
    kind,
    body,
    proposedText: row.proposedChange || null,
    authorId,
    candidateIds,
    problems,
  };
}
