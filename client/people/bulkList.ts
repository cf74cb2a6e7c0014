/**
 * Reading a list of people, pasted or from a CSV file, into rows of cells for the server to judge.
 * Only the shape is read here (separators, quotes, a header row, which column is which); what a
 * cell must hold is the server's to say (POST /api/people/bulk/preview). Spreadsheets saved in a
 * French locale separate with ";" and may be in Windows-1252; both are read.
 */
import Papa from 'papaparse';
import { BULK_COLUMNS, type BulkColumn, type BulkRow } from '../../shared/bulkInvite.ts';

/** Header words for each column, in English and French, compared without case, accents or punctuation. */
const HEADER_WORDS: Record<BulkColumn, string[]> = {
  name: ['name', 'full name', 'nom', 'nom complet', 'prenom nom'],
  email: ['email', 'e mail', 'mail', 'email address', 'e mail address', 'courriel', 'adresse e mail', 'adresse email', 'adresse electronique'],
  country: ['country', 'country code', 'pays', 'code pays'],
  organisation: ['organisation', 'organization', 'organisme', 'institution'],
  stakeholder: ['stakeholder', 'stakeholder group', 'group', 'groupe', 'type', 'categorie', 'partie prenante'],
  role: ['role'],
  language: ['language', 'langue', 'lang'],
};

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const COLUMN_OF_WORD = new Map(Object.entries(HEADER_WORDS).flatMap(([column, words]) => words.map((word) => [word, column as BulkColumn] as const)));

export interface ReadList {
  rows: BulkRow[];
  /** Whether the first line was taken as a header row (and which columns it named). */
  header: BulkColumn[] | null;
}

/** The columns a first line names, when it is a header: at least the e-mail column, and no e-mail address in it. */
function headerOf(cells: readonly string[]): Array<BulkColumn | null> | null {
  if (cells.some((cell) => cell.includes('@'))) return null;
  const columns = cells.map((cell) => COLUMN_OF_WORD.get(fold(cell)) ?? null);
  return columns.includes('email') ? columns : null;
}

export function readList(text: string): ReadList {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const lines = parsed.data.filter((cells) => cells.some((cell) => cell.trim() !== ''));
  const header = lines[0] ? headerOf(lines[0]) : null;
  const columns: Array<BulkColumn | null> = header ?? [...BULK_COLUMNS];
  const rows = (header ? lines.slice(1) : lines).map((cells) => {
    const row = Object.fromEntries(BULK_COLUMNS.map((column) => [column, ''])) as BulkRow;
    cells.forEach((cell, index) => {
      const column = columns[index];
      if (column && !row[column]) row[column] = cell.trim();
    });
    return row;
  });
  return { rows, header: header ? header.filter((c): c is BulkColumn => c !== null) : null };
}

/** A file's text: UTF-8 when it is valid UTF-8 (with or without a BOM), else Windows-1252, as older Excel saves CSV. */
export async function readFileText(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The sign-in links of the people just invited, as a CSV the Secretariat can open in a spreadsheet. */
export function linksCsv(people: ReadonlyArray<{ person: { name: string; email: string }; inviteUrl: string }>): string {
  const data = people.map((p) => [p.person.name, p.person.email, p.inviteUrl]);
  // escapeFormulae: a name such as "=HYPERLINK(...)" stays text when the file is opened in a spreadsheet.
  return `\uFEFF${Papa.unparse({ fields: ['name', 'email', 'sign_in_link'], data }, { escapeFormulae: true })}\r\n`;
}
