/**
 * What a file really is, judged by its first bytes rather than its name: a `.docx` that is a PNG, or
 * an encrypted Word file (an OLE container, not a zip), gets a refusal that says so.
 */
import path from 'node:path';
import { MAX_UPLOAD_BYTES, UPLOAD_EXTENSIONS } from '../../../shared/limits.ts';
import { ImportRefusal } from './refusal.ts';

export type FileKind = 'docx' | 'markdown' | 'text';

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

const OTHER_FORMATS: Array<{ signature: number[]; name: string; format: string }> = [
  { signature: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image', format: 'png' },
  { signature: [0xff, 0xd8, 0xff], name: 'a JPEG image', format: 'jpeg' },
  { signature: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image', format: 'gif' },
  { signature: [0x25, 0x50, 0x44, 0x46], name: 'a PDF file', format: 'pdf' },
  { signature: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF file', format: 'rtf' },
];

/** An OLE compound file: an old .doc, or a .docx saved with a password. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

export function fileKindOf(fileName: string, bytes: Uint8Array): FileKind {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new ImportRefusal('file_too_large', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Remove images or split the text, then try again.`, {
      key: 'error.fileTooLarge',
      values: { limitMb: MAX_UPLOAD_BYTES / 1024 / 1024 },
    });
  }
  const extension = path.extname(fileName).toLowerCase();
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new ImportRefusal('unsupported_file', `“${fileName}” is not a Word (.docx), Markdown (.md) or text (.txt) file. Save the draft in one of these formats and try again.`, {
      key: 'error.draft.wrongType',
      values: { fileName },
    });
  }
  if (bytes.byteLength === 0) throw new ImportRefusal('empty_file', `“${fileName}” is empty. Choose the file that holds the draft, or start an empty draft instead.`, { key: 'error.draft.empty', values: { fileName } });
  const other = OTHER_FORMATS.find((f) => startsWith(bytes, f.signature));
  if (other) throw new ImportRefusal('unsupported_file', `“${fileName}” is ${other.name}, not a ${extension} file. Save the draft from Word as .docx (or as .md or .txt) and try again.`, {
      key: 'error.draft.disguised',
      values: { fileName, format: other.format, extension },
    });
  if (extension !== '.docx') return extension === '.md' ? 'markdown' : 'text';
  if (startsWith(bytes, OLE)) {
    throw new ImportRefusal(
      'encrypted_file',
      `“${fileName}” is protected with a password, or is an old Word 97–2003 file. In Word, remove the password (File › Info › Protect Document) and save as .docx, then try again.`,
      { key: 'error.draft.protected', values: { fileName } },
    );
  }
  if (!startsWith(bytes, ZIP)) throw new ImportRefusal('unreadable_file', `“${fileName}” is not a readable Word file (it may be damaged). Open it in Word, save it again as .docx and try again.`, {
      key: 'error.draft.unreadable',
      values: { fileName },
    });
  return 'docx';
}

/** The title a file gives when nothing else does: its name without the extension. */
export function titleFromFileName(fileName: string): string {
  const base = path.basename(fileName, path.extname(fileName)).replace(/[_]+/g, ' ').trim();
  return base || 'Untitled draft';
}
