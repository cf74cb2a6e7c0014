/**
 * The text as a Word file a rapporteur can keep working in: the title in Word's Title style, sections
 * as Heading 1–3 (without their computed numbers, so that importing the file again gives the same
 * sections), lists as Word lists, bold, italics, underline, strike, links, block quotes (Word's
 * Quote style) and tables (with their merged cells). Import (import/wordToHtml.ts) reads each of these back to the same node.
 */
import type { JSONNode } from './markdown.ts';
import { printable } from '../report/labels.ts';

// docx weighs ~10 MB in memory: loaded when a file is first asked for.
const docxLibrary = () => import('docx');
type Docx = Awaited<ReturnType<typeof docxLibrary>>;
type Run = InstanceType<Docx['TextRun']> | InstanceType<Docx['ExternalHyperlink']>;
type Para = InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>;

const ORDERED = 'accord-ordered';
const QUOTE = 'Quote';

interface Context {
  docx: Docx;
  /** Each ordered list restarts at 1: a numbering instance of its own. */
  lists: number;
}

function runs(ctx: Context, nodes: JSONNode[] | undefined): Run[] {
  const { TextRun, ExternalHyperlink } = ctx.docx;
  const out: Run[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      out.push(new TextRun({ text: '', break: 1 }));
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const has = (type: string) => node.marks?.some((m) => m.type === type) ?? false;
    const style = {
      text: printable(node.text),
      bold: has('bold'),
      italics: has('italic'),
      underline: has('underline') ? {} : undefined,
      strike: has('strike'),
    };
    const link = node.marks?.find((m) => m.type === 'link')?.attrs?.href;
    if (typeof link === 'string' && /^(https?:|mailto:)/i.test(link)) out.push(new ExternalHyperlink({ link, children: [new TextRun({ ...style, style: 'Hyperlink' })] }));
    else out.push(new TextRun(style));
  }
  return out;
}

function paragraphs(ctx: Context, nodes: JSONNode[] | undefined, within: { quote?: boolean; bullet?: number; ordered?: { level: number; instance: number } } = {}): Para[] {
  const { Paragraph, HeadingLevel } = ctx.docx;
  const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
  const out: Para[] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'heading': {
        const level = Math.min(3, Math.max(1, Number(node.attrs?.level ?? 1)));
        out.push(new Paragraph({ heading: headings[level - 1], children: runs(ctx, node.content) }));
        break;
      }
      case 'paragraph':
        out.push(
          new Paragraph({
            children: runs(ctx, node.content),
            ...(within.quote ? { style: QUOTE } : {}),
            ...(within.bullet !== undefined ? { bullet: { level: within.bullet } } : {}),
            ...(within.ordered ? { numbering: { reference: ORDERED, level: within.ordered.level, instance: within.ordered.instance } } : {}),
          }),
        );
        // Only an item's first paragraph carries its bullet or number.
        within = { quote: within.quote };
        break;
      case 'bulletList':
      case 'orderedList': {
        const depth = (within.bullet ?? within.ordered?.level ?? -1) + 1;
        const instance = node.type === 'orderedList' ? ++ctx.lists : 0;
        for (const item of node.content ?? []) {
          const marker = node.type === 'bulletList' ? { bullet: Math.min(depth, 8) } : { ordered: { level: Math.min(depth, 8), instance } };
          out.push(...paragraphs(ctx, item.content, { quote: within.quote, ...marker }));
        }
        break;
      }
      case 'blockquote':
        out.push(...paragraphs(ctx, node.content, { quote: true }));
        break;
      case 'horizontalRule':
        out.push(new Paragraph({ children: [], thematicBreak: true }));
        break;
      case 'table':
        out.push(table(ctx, node));
        break;
      default:
        out.push(...paragraphs(ctx, node.content, within));
    }
  }
  return out;
}

function table(ctx: Context, node: JSONNode): InstanceType<Docx['Table']> {
  const { Table, TableRow, TableCell, Paragraph, WidthType } = ctx.docx;
  const rows = (node.content ?? []).map(
    (row) =>
      new TableRow({
        children: (row.content ?? []).map((cell) => {
          const span = (name: string) => Math.max(1, Number(cell.attrs?.[name] ?? 1));
          const children = paragraphs(ctx, cell.content);
          return new TableCell({
            // Word requires a paragraph in every cell.
            children: children.length ? children : [new Paragraph({})],
            ...(span('colspan') > 1 ? { columnSpan: span('colspan') } : {}),
            ...(span('rowspan') > 1 ? { rowSpan: span('rowspan') } : {}),
          });
        }),
      }),
  );
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

export async function textAsDocx(title: string, doc: JSONNode): Promise<Buffer> {
  const docx = await docxLibrary();
  const { Document, Packer, Paragraph, HeadingLevel, TextRun, LevelFormat, AlignmentType } = docx;
  const ctx: Context = { docx, lists: 0 };
  const body = paragraphs(ctx, doc.content);
  const levels = Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
  const document = new Document({
    title: printable(title),
    creator: 'Accord',
    styles: {
      default: { document: { run: { font: 'Arial', size: 22 } } },
      paragraphStyles: [{ id: QUOTE, name: QUOTE, basedOn: 'Normal', run: { italics: true }, paragraph: { indent: { left: 720 } } }],
    },
    numbering: { config: [{ reference: ORDERED, levels }] },
    sections: [{ children: [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(printable(title))] }), ...body] }],
  });
  return Packer.toBuffer(document);
}
