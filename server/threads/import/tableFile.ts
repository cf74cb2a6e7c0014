/**
 * A comment table as it arrives: checked before it is read. Judged by its first bytes as well as its
 * name (an .xlsx that is a PDF, a password-protected workbook), and by the sizes its zip directory
 * declares, so that a small file that unpacks to gigabytes is refused before anything is inflated.
 */
import path from 'node:path';
import { unzipSync } from 'fflate';
import { COMMENT_TABLE_EXTENSIONS, MAX_COMMENT_TABLE_BYTES, MAX_COMMENT_TABLE_UNZIPPED_BYTES } from '../../../shared/limits.ts';
import { DomainError } from '../../errors.ts';

export type TableKind = 'xlsx' | 'docx';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: an old .xls or .doc, or an Office file saved with a password. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

export const tableRefusal = {
  tooLarge: () => new DomainError('too-large', 'file_too_large', `The file is larger than ${MAX_COMMENT_TABLE_BYTES / 1024 / 1024} MB. Split the table into several files and import each.`).saying(
      'error.import.tooLarge',
      { limitMb: MAX_COMMENT_TABLE_BYTES / 1024 / 1024 },
    ),
  wrongType: (fileName: string) =>
    new DomainError('unsupported-media', 'unsupported_file', `“${fileName}” is not an Excel (.xlsx) or Word (.docx) file. Save the comment table in one of these formats and try again.`).saying(
      'error.import.wrongType',
      { fileName },
    ),
  unreadable: (fileName: string, kind: TableKind) =>
    new DomainError(
      'unprocessable',
      'unreadable_file',
      `“${fileName}” cannot be read as ${kind === 'xlsx' ? 'an Excel workbook' : 'a Word document'} (it may be damaged). Open it, save it again and try again.`,
    ).saying('error.import.unreadable', { fileName, kind }),
  protectedFile: (fileName: string) =>
    new DomainError(
      'unprocessable',
      'encrypted_file',
      `“${fileName}” is protected with a password, or is an old Excel 97–2003 or Word 97–2003 file. Remove the password and save it as .xlsx or .docx, then try again.`,
    ).saying('error.import.protected', { fileName }),
  empty: (fileName: string) => new DomainError('unprocessable', 'empty_file', `“${fileName}” is empty.`).saying('error.import.empty', { fileName }),
  unpacksTooLarge: (fileName: string) =>
    new DomainError('unprocessable', 'unpacks_too_large', `“${fileName}” unpacks to more than ${MAX_COMMENT_TABLE_UNZIPPED_BYTES / 1024 / 1024} MB. Remove images or embedded files and try again.`).saying(
      'error.import.unpacksTooLarge',
      { fileName, limitMb: MAX_COMMENT_TABLE_UNZIPPED_BYTES / 1024 / 1024 },
    ),
  tooSlow: (fileName: string) =>
    new DomainError('unprocessable', 'conversion_timeout', `“${fileName}” took too long to read and was stopped. Split the table into smaller files and try again.`).saying(
      'error.import.tooSlow',
      { fileName },
    ),
  noTable: (fileName: string) =>
    new DomainError(
      'unprocessable',
      'no_comment_table',
      `No comment table was found in “${fileName}”: a table needs a header row with at least a “Comments” column and one of “MB/NC”, “Clause” or “Type of comment”. Use the template and try again.`,
    ).saying('error.import.noTable', { fileName }),
  tooManyRows: (max: number) =>
    new DomainError('unprocessable', 'too_many_rows', `The table has more than ${max} rows of comments, the most one import may hold. Split it into several files.`).saying(
      'error.import.tooManyRows',
      { max },
    ),
};

/** What kind of table the file holds; throws a refusal that says why it cannot be read. */
export function tableKindOf(fileName: string, bytes: Uint8Array): TableKind {
  if (bytes.byteLength > MAX_COMMENT_TABLE_BYTES) throw tableRefusal.tooLarge();
  const extension = path.extname(fileName).toLowerCase();
  if (!(COMMENT_TABLE_EXTENSIONS as readonly string[]).includes(extension)) throw tableRefusal.wrongType(fileName);
  if (bytes.byteLength === 0) throw tableRefusal.empty(fileName);
  if (startsWith(bytes, OLE)) throw tableRefusal.protectedFile(fileName);
  const kind: TableKind = extension === '.xlsx' ? 'xlsx' : 'docx';
  if (!startsWith(bytes, ZIP)) throw tableRefusal.unreadable(fileName, kind);
  return kind;
}

/** Reads only the zip's directory: the declared sizes, and whether the part that must be there is. */
export function checkZip(fileName: string, bytes: Uint8Array, kind: TableKind): void {
  let declared = 0;
  let hasMainPart = false;
  const mainPart = kind === 'xlsx' ? 'xl/workbook.xml' : 'word/document.xml';
  try {
    unzipSync(bytes, {
      filter: (file) => {
        declared += file.originalSize;
        if (file.name === mainPart) hasMainPart = true;
        return false;
      },
    });
  } catch {
    throw tableRefusal.unreadable(fileName, kind);
  }
  if (declared > MAX_COMMENT_TABLE_UNZIPPED_BYTES) throw tableRefusal.unpacksTooLarge(fileName);
  if (!hasMainPart) throw tableRefusal.unreadable(fileName, kind);
}
