/**
 * A Word file to HTML with mammoth, told which paragraph styles are headings (Heading 1–3 by
 * default, and any style Word gives an outline level), which are quotes, and the Title. Images are
 * counted and left out, never embedded.
 */
import mammoth from 'mammoth';
import type { NotKept } from '../../../shared/documentImport.ts';
import { notKept as notKeptWords } from './notKept.ts';
import { ImportRefusal } from './refusal.ts';

/** The class mammoth puts on the paragraph in Word's Title style; htmlToDraft takes it as the title. */
export const TITLE_CLASS = 'document-title';

export interface WordHtml {
  html: string;
  images: number;
  notKept: NotKept[];
}

export async function wordToHtml(fileName: string, bytes: Uint8Array, outlineStyles: Map<string, number>): Promise<WordHtml> {
  let images = 0;
  const styleMap = [
    `p[style-name='Title'] => h1.${TITLE_CLASS}:fresh`,
    "p[style-name='Quote'] => blockquote > p:fresh",
    "p[style-name='Intense Quote'] => blockquote > p:fresh",
    'u => u',
    ...[...outlineStyles].filter(([name]) => !/['\\]/.test(name)).map(([name, level]) => `p[style-name='${name}'] => h${level}:fresh`),
  ];
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: '' };
        }),
      },
    );
  } catch {
    throw new ImportRefusal('unreadable_file', `“${fileName}” could not be read as a Word document (it may be damaged). Open it in Word, save it again as .docx and try again.`, {
      key: 'error.draft.unreadable',
      values: { fileName },
    });
  }
  const notKept: NotKept[] = [];
  if (images > 0) notKept.push(notKeptWords('images', images));
  const other = new Set(
    result.messages
      // A style mammoth does not know still comes through, as a paragraph: nothing is lost.
      .filter((m) => !/^Unrecognised (paragraph|run|table) style/.test(m.message) && !/image/i.test(m.message))
      .map((m) => m.message),
  );
  for (const message of [...other].slice(0, 5)) notKept.push({ what: 'other', message });
  return { html: result.value, images, notKept };
}
