/**
 * The comment table to hand out: an .xlsx in the ISO commenting template's columns, the author
 * columns that let each row be entered for the right person, the header frozen, the type column
 * limited to the four types, and a second sheet listing the document's sections and the types.
 * Reading it back (readTable.ts) recognises these headers in either language.
 */
import type ExcelJS from 'exceljs';
import type { Section } from '../../../shared/sections.ts';
import { IMPORT_TYPE_CODES } from '../../../shared/commentImport.ts';
import { THREAD_KINDS } from '../../../shared/domain.ts';

export type TemplateLanguage = 'en' | 'fr';

const WORDS = {
  en: {
    sheet: 'Comments',
    listSheet: 'Sections and types',
    columns: ['MB/NC', 'Line number', 'Clause/Subclause', 'Paragraph/Figure/Table', 'Type of comment', 'Comments', 'Proposed change', 'Name', 'E-mail', 'Organisation', 'Observations of the secretariat'],
    notes: [
      'Country code (DE) or name of the member body',
      '',
      'Section number, as in the list on the second sheet; 0 or "General" for the whole text',
      'Copy the exact words you comment on, if any',
      'ge = general, te = technical, ed = editorial, q = question',
      '',
      '',
      'Who sends the comment (helps the Secretariat enter it for the right person)',
      '',
      '',
      'Left empty: for the Secretariat',
    ],
    sectionHeader: ['Section', 'Title'],
    typeHeader: ['Type', 'Meaning'],
    kinds: { general: 'general', technical: 'technical', editorial: 'editorial', question: 'question' },
    typeError: 'Use ge, te, ed or q (see the second sheet).',
  },
  fr: {
    sheet: 'Commentaires',
    listSheet: 'Sections et types',
    columns: ['OM/CN', 'N° de ligne', 'Article/Paragraphe', 'Alinéa/Figure/Tableau', 'Type de commentaire', 'Commentaires', 'Modification proposée', 'Nom', 'Courriel', 'Organisation', 'Observations du secrétariat'],
    notes: [
      'Code du pays (FR) ou nom de l’organisme membre',
      '',
      'Numéro de section, comme dans la liste de la deuxième feuille ; 0 ou « Général » pour tout le texte',
      'Copiez les mots exacts que vous commentez, s’il y a lieu',
      'ge = général, te = technique, ed = rédactionnel, q = question',
      '',
      '',
      'Qui envoie le commentaire (aide le Secrétariat à l’enregistrer pour la bonne personne)',
      '',
      '',
      'Laisser vide : pour le Secrétariat',
    ],
    sectionHeader: ['Section', 'Titre'],
    typeHeader: ['Type', 'Signification'],
    kinds: { general: 'général', technical: 'technique', editorial: 'rédactionnel', question: 'question' },
    typeError: 'Utilisez ge, te, ed ou q (voir la deuxième feuille).',
  },
} as const;

const WIDTHS = [10, 8, 14, 30, 12, 50, 50, 22, 26, 22, 30];
/** Rows that get the drop-down lists: far more than one table holds. */
const VALIDATED_ROWS = 1000;

export async function commentTemplate(title: string, sections: Section[], language: TemplateLanguage): Promise<Buffer> {
  const words = WORDS[language];
  // Loaded on the first download, not at start: exceljs costs the server about 20 MB of memory.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'Accord';
  workbook.title = title;
  const sheet = workbook.addWorksheet(words.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = words.columns.map((header, i) => ({ header, width: WIDTHS[i] }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.eachCell((cell, column) => {
    const note = words.notes[column - 1];
    if (note) cell.note = note;
  });
  for (const column of [4, 6, 7]) sheet.getColumn(column).alignment = { vertical: 'top', wrapText: true };
  // Sections kept as text, so "2.10" does not become 2.1.
  sheet.getColumn(3).numFmt = '@';

  const list = workbook.addWorksheet(words.listSheet);
  list.columns = [{ width: 10 }, { width: 70 }, { width: 4 }, { width: 8 }, { width: 16 }];
  list.getRow(1).values = [...words.sectionHeader, '', ...words.typeHeader];
  list.getRow(1).font = { bold: true };
  sections.forEach((section, i) => {
    const row = list.getRow(i + 2);
    row.getCell(1).value = section.number;
    row.getCell(2).value = section.title;
  });
  THREAD_KINDS.forEach((kind, i) => {
    const row = list.getRow(i + 2);
    row.getCell(4).value = IMPORT_TYPE_CODES[kind];
    row.getCell(5).value = words.kinds[kind];
  });

  const types = THREAD_KINDS.map((k) => IMPORT_TYPE_CODES[k]).join(',');
  const last = Math.max(2, sections.length + 1);
  // One validation per range, not per cell: exceljs writes a range key as one `sqref`, where two
  // thousand cell validations take it seconds to merge. The method is in exceljs but not its types.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`E2:E${VALIDATED_ROWS}`, { type: 'list', allowBlank: true, formulae: [`"${types}"`], showErrorMessage: true, errorStyle: 'error', error: words.typeError });
  // Sections as a drop-down that still lets other wording through ("General", "2.1.3").
  validations.add(`C2:C${VALIDATED_ROWS}`, { type: 'list', allowBlank: true, formulae: [`'${words.listSheet}'!$A$2:$A$${last}`], showErrorMessage: false });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
