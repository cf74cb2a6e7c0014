/**
 * The zip around a Word file, looked at before mammoth reads it: the sizes its directory declares
 * (a zip bomb is refused before anything is inflated), and the few facts mammoth passes over in
 * silence (tracked changes, comments, text boxes, fields, headings by outline level), found by
 * looking for their element names in the parts that hold them. Nothing here interprets the text.
 */
import { strFromU8, unzipSync } from 'fflate';
import { MAX_UNZIPPED_BYTES } from '../../../shared/limits.ts';
import type { NotKept } from '../../../shared/documentImport.ts';
import { notKept as notKeptWords } from './notKept.ts';
import { ImportRefusal } from './refusal.ts';

const PARTS = ['word/document.xml', 'word/styles.xml', 'word/comments.xml'] as const;

export interface WordPackage {
  notKept: NotKept[];
  /** Paragraph styles that Word treats as headings through their outline level: name → level 1–3. */
  outlineStyles: Map<string, number>;
}

function unreadable(fileName: string): ImportRefusal {
  return new ImportRefusal('unreadable_file', `“${fileName}” is damaged and cannot be read as a Word file. Open it in Word, save it again as .docx and try again.`, {
    key: 'error.draft.unreadable',
    values: { fileName },
  });
}

export function inspectWordPackage(fileName: string, bytes: Uint8Array): WordPackage {
  let declared = 0;
  let hasDocument = false;
  let parts: Record<string, Uint8Array>;
  try {
    // The directory pass: the filter sees every entry's declared size and inflates nothing.
    unzipSync(bytes, {
      filter: (file) => {
        declared += file.originalSize;
        if (file.name === 'word/document.xml') hasDocument = true;
        return false;
      },
    });
  } catch {
    throw unreadable(fileName);
  }
  if (declared > MAX_UNZIPPED_BYTES) {
    throw new ImportRefusal(
      'unpacks_too_large',
      `“${fileName}” unpacks to ${Math.round(declared / 1024 / 1024)} MB, more than the ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB allowed. Remove large images or embedded files and try again.`,
      { key: 'error.draft.unpacksTooLarge', values: { fileName, limitMb: MAX_UNZIPPED_BYTES / 1024 / 1024 } },
    );
  }
  if (!hasDocument) throw unreadable(fileName);
  try {
    parts = unzipSync(bytes, { filter: (file) => (PARTS as readonly string[]).includes(file.name) });
  } catch {
    throw unreadable(fileName);
  }
  const text = (name: string) => (parts[name] ? strFromU8(parts[name]) : '');
  const body = text('word/document.xml');
  const count = (pattern: RegExp) => body.match(pattern)?.length ?? 0;
  const notKept: NotKept[] = [];
  const insertions = count(/<w:ins\b/g);
  const deletions = count(/<w:del\b/g);
  if (insertions + deletions > 0) {
    notKept.push(notKeptWords('tracked-changes', insertions + deletions));
  }
  const comments = (text('word/comments.xml').match(/<w:comment\b/g) ?? []).length;
  if (comments > 0) notKept.push(notKeptWords('comments', comments));
  const textBoxes = count(/<w:txbxContent\b/g);
  if (textBoxes > 0) notKept.push(notKeptWords('text-boxes', textBoxes));
  const fields = count(/<w:fldSimple\b/g) + count(/<w:fldChar\b[^>]*w:fldCharType="begin"/g);
  if (fields > 0) notKept.push(notKeptWords('fields', fields));
  return { notKept, outlineStyles: outlineStylesOf(text('word/styles.xml')) };
}

/** Paragraph styles with an outline level of 0–2 (Word's levels 1–3), by the name mammoth matches. */
function outlineStylesOf(styles: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const style of styles.match(/<w:style\b[^>]*w:type="paragraph"[\s\S]*?<\/w:style>/g) ?? []) {
    const level = /<w:outlineLvl w:val="(\d+)"/.exec(style)?.[1];
    const name = /<w:name w:val="([^"]*)"/.exec(style)?.[1];
    if (level === undefined || name === undefined || Number(level) > 2) continue;
    // Heading 1–3 are mapped by mammoth already.
    if (/^heading [1-9]$/i.test(name)) continue;
    found.set(name.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'"), Number(level) + 1);
  }
  return found;
}
