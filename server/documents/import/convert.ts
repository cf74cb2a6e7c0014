/**
 * One uploaded file to a draft: what kind of file it really is, its text in the editor's schema, the
 * sections found and what could not be kept, and the Yjs state to store. Pure and synchronous in
 * spirit (mammoth's promises aside): it runs in the import worker, never on the server's main thread,
 * and writes nothing.
 */
import { marked, type Tokens } from 'marked';
import { MAX_IMPORT_SECTIONS, MAX_TITLE_CHARS } from '../../../shared/limits.ts';
import type { ImportPreview, NotKept } from '../../../shared/documentImport.ts';
import { numberSections } from '../../../shared/sections.ts';
import { importMarkdown, type JSONNode, type MarkdownOptions } from '../markdown.ts';
import { placeMarkdownNotes, takeMarkdownNotes } from './markdownNotes.ts';
import { draftState, schema } from '../draftState.ts';
import { fileKindOf, titleFromFileName } from './fileKind.ts';
import { htmlToDraft } from './htmlToDraft.ts';
import { notKept as notKeptWords } from './notKept.ts';
import { ImportRefusal } from './refusal.ts';
import { inspectWordPackage } from './wordPackage.ts';
import { wordToHtml } from './wordToHtml.ts';

export interface ConvertRequest {
  fileName: string;
  bytes: Uint8Array;
  /** The title the Secretariat typed, already validated; else the file's own, else its name. */
  title?: string;
}

export interface ConvertedDraft {
  preview: ImportPreview;
  /** The Yjs state of the text, ready to store. */
  state: Uint8Array;
}

interface Body {
  title: string | null;
  doc: JSONNode;
  notKept: NotKept[];
}

export async function convertFile(request: ConvertRequest): Promise<ConvertedDraft> {
  const { fileName, bytes } = request;
  const kind = fileKindOf(fileName, bytes);
  const body = kind === 'docx' ? await fromWord(fileName, bytes) : fromPlain(fileName, bytes, kind === 'markdown');
  const doc = cleanText(body.doc);
  const headings = headingsOf(doc);
  if (headings.length > MAX_IMPORT_SECTIONS) {
    throw new ImportRefusal(
      'too_many_sections',
      `“${fileName}” has ${headings.length} headings; a document may have at most ${MAX_IMPORT_SECTIONS} sections. Turn minor headings into plain bold text, or split the draft, and try again.`,
      { key: 'error.draft.tooManySections', values: { fileName, headings: headings.length, max: MAX_IMPORT_SECTIONS } },
    );
  }
  if (headings.length === 0) {
    // One section holding the whole text, so it can still be commented on section by section.
    const first = { type: 'heading', attrs: { id: crypto.randomUUID(), level: 1 }, content: [{ type: 'text', text: titleFromFileName(fileName) }] };
    doc.content = [first, ...(doc.content ?? []).filter((n) => !(n.type === 'paragraph' && !n.content))];
    headings.push({ id: String(first.attrs.id), level: 1, title: titleFromFileName(fileName) });
  }
  if (!doc.content?.length) doc.content = [{ type: 'paragraph' }];
  let state: Uint8Array;
  try {
    schema.nodeFromJSON(doc).check();
    state = draftState(doc);
  } catch {
    throw new ImportRefusal('unreadable_file', `“${fileName}” holds text in a shape the editor cannot take. Save it again (as .docx or .md) and try again.`, {
      key: 'error.draft.shape',
      values: { fileName },
    });
  }
  const title = (request.title?.trim() || body.title?.trim() || titleFromFileName(fileName)).slice(0, MAX_TITLE_CHARS);
  // Section "0" when text comes before the first heading, as the document will have it once created.
  const sections = numberSections(headings, hasTextBeforeFirstHeading(doc)).map(({ number, title: t, level }) => ({ number, title: t, level }));
  return { preview: { title, sections, notKept: body.notKept, words: wordsIn(doc) }, state };
}

function hasTextBeforeFirstHeading(doc: JSONNode): boolean {
  const textIn = (node: JSONNode): boolean => Boolean(node.text?.trim()) || (node.content ?? []).some(textIn);
  for (const node of doc.content ?? []) {
    if (node.type === 'heading') return false;
    if (textIn(node)) return true;
  }
  return false;
}

async function fromWord(fileName: string, bytes: Uint8Array): Promise<Body> {
  const word = inspectWordPackage(fileName, bytes);
  const html = await wordToHtml(fileName, bytes, word.outlineStyles);
  const draft = htmlToDraft(html.html);
  const notKept = [...html.notKept, ...word.notKept];
  if (draft.deepHeadings > 0) notKept.push(notKeptWords('headings', draft.deepHeadings));
  return { title: draft.title, doc: draft.doc, notKept };
}

function fromPlain(fileName: string, bytes: Uint8Array, markdown: boolean): Body {
  const { text, notKept } = decodeText(fileName, bytes);
  if (!text.trim()) throw new ImportRefusal('empty_file', `“${fileName}” holds no text. Choose the file that holds the draft, or start an empty draft instead.`, {
      key: 'error.draft.noText',
      values: { fileName },
    });
  if (!markdown) return { title: null, doc: { type: 'doc', content: plainParagraphs(text) }, notKept };
  const withNotes = takeMarkdownNotes(text);
  const draft = importMarkdown(withNotes.text, '', markdownOptions(withNotes.text));
  const doc = { ...draft.doc, content: placeMarkdownNotes(draft.doc.content ?? [], withNotes.notes) };
  return { title: draft.title || null, doc, notKept };
}

/**
 * `#` to `###` are sections. A file whose only `#` heading comes first uses it as its title, as the
 * seed drafts do, and its `##` headings are then the sections.
 */
function markdownOptions(text: string): MarkdownOptions {
  const tokens = marked.lexer(text).filter((t) => t.type !== 'space');
  const tops = tokens.filter((t): t is Tokens.Heading => t.type === 'heading' && (t as Tokens.Heading).depth === 1);
  const titled = tops.length === 1 && tokens[0] === tops[0];
  if (titled) return { titleFromFirstHeading: true, levelOf: (depth) => (depth - 1 >= 1 && depth - 1 <= 3 ? depth - 1 : null) };
  return { titleFromFirstHeading: false, levelOf: (depth) => (depth <= 3 ? depth : null) };
}

function decodeText(fileName: string, bytes: Uint8Array): { text: string; notKept: NotKept[] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), notKept: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), notKept: [] };
  if (bytes.includes(0)) {
    throw new ImportRefusal('unsupported_file', `“${fileName}” is not a text file (it holds binary data). Save the draft as .docx, .md or .txt and try again.`, {
      key: 'error.draft.binary',
      values: { fileName },
    });
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), notKept: [] };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      notKept: [notKeptWords('encoding')],
    };
  }
}

function plainParagraphs(text: string): JSONNode[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => ({
      type: 'paragraph',
      content: block.split('\n').flatMap((line, i) => [...(i > 0 ? [{ type: 'hardBreak' }] : []), ...(line ? [{ type: 'text', text: line }] : [])]),
    }));
}

// Control characters other than tab and newline have no place in the text (and break XML exports).
// oxlint-disable-next-line no-control-regex -- these are exactly the characters being removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function cleanText(node: JSONNode): JSONNode {
  if (node.text !== undefined) return { ...node, text: node.text.replace(CONTROL, '') };
  if (!node.content) return node;
  const content = node.content.map(cleanText).filter((n) => n.text === undefined || n.text !== '');
  return { ...node, content };
}

const plain = (node: JSONNode): string => node.text ?? (node.content ?? []).map(plain).join('');

function headingsOf(doc: JSONNode): Array<{ id: string; level: number; title: string }> {
  return (doc.content ?? [])
    .filter((n) => n.type === 'heading')
    .map((n) => ({ id: String(n.attrs?.id), level: Number(n.attrs?.level), title: plain(n).trim() }));
}

/** Words of the text, blocks counted apart so that two paragraphs never join into one word. */
function wordsIn(node: JSONNode): number {
  if (node.type === 'paragraph' || node.type === 'heading') return plain(node).split(/\s+/).filter(Boolean).length;
  return (node.content ?? []).reduce((sum, child) => sum + wordsIn(child), 0);
}
