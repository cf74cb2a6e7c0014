/**
 * The report as Markdown (CommonMark with GitHub tables). Everything a person typed goes through
 * inline() or block(), which escape it so that no comment can make a heading, a link, a list, a
 * table cell boundary or raw HTML: user text is always shown as the text it is.
 */
import { authorLine, kindLabel, metadataLines, observations, quoteNote, quoteOf, receivedLine, secretaryTables, sectionHeading, sectionRows, sectionRowsHeader, summaryTables, supportLine, threadNumber, threadUrl, totalsLine } from './labels.ts';
import type { Report, ReportSection, ReportThread } from './types.ts';
import type { ReportWords } from './words.ts';

/** Characters that mean something anywhere in a line. CommonMark lets any ASCII punctuation be escaped. */
const ANYWHERE = /[\\`*_[\]<>|!&~#@]/g;
/** GitHub-flavoured Markdown links bare addresses too: "http:", "www." and e-mail addresses (the @ above). */
const AUTOLINK = /\b(https?|ftp|mailto)(:)|\b(www)(\.)/gi;

function escapeText(text: string): string {
  return text.replace(ANYWHERE, '\\$&').replace(AUTOLINK, (_match, scheme?: string, colon?: string, www?: string, dot?: string) =>
    scheme ? `${scheme}\\${colon}` : `${www}\\${dot}`,
  );
}
/** What means something only at the start of a line: lists, setext underlines, rules. */
const LINE_START = /^[-+=]/;
const ORDERED_MARKER = /^(\d+)([.)])/;

function escapeLine(line: string): string {
  const escaped = escapeText(line.trimStart());
  // An ordered-list marker "12." is defused by escaping its dot or parenthesis.
  const ordered = ORDERED_MARKER.exec(escaped);
  if (ordered?.[1]) return `${ordered[1]}\\${escaped.slice(ordered[1].length)}`;
  return LINE_START.test(escaped) ? `\\${escaped}` : escaped;
}

/** User text on one line that starts a paragraph or list item: line breaks become spaces. */
export function inline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim());
}

/** User text after a heading's hashes or inside a table cell, where no line-start syntax applies. */
export function cellText(text: string): string {
  return escapeText(text.replace(/\s+/g, ' ').trim());
}

/**
 * User text as paragraphs, each line of the original kept by a hard line break, every output line
 * starting with `prefix` (e.g. "> " inside a quote).
 */
export function block(text: string, prefix = ''): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map(escapeLine).filter((line) => line !== ''))
    .filter((lines) => lines.length > 0);
  if (paragraphs.length === 0) return '';
  return paragraphs.map((lines) => lines.map((line) => prefix + line).join('\\\n')).join(`\n${prefix.trimEnd()}\n`);
}

function table(w: ReportWords, header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const line = (cells: ReadonlyArray<string | number>) => `| ${cells.map((cell) => cellText(typeof cell === 'number' ? w.number(cell) : cell)).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Our own link, not user text: the document id and the reference are letters, digits and dashes. */
const link = (w: ReportWords, url: string) => `[${w.markdown.openInAccord}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;

function threadMarkdown(w: ReportWords, report: Report, thread: ReportThread): string {
  const m = w.markdown;
  const parts = [`### ${cellText(threadNumber(thread))} · ${cellText(kindLabel(w, thread.kind))} · ${cellText(w.status(thread.status))}`, link(w, threadUrl(report, thread))];
  const quote = quoteOf(thread);
  if (quote) parts.push(`**${m.textAsCommentedOn}**`, block(quote, '> '));
  const note = quoteNote(w, thread);
  if (note) parts.push(`*${inline(note)}*`);
  parts.push(`**${m.comment}**`, block(thread.body));
  if (thread.proposedText) parts.push(`**${m.proposedChange}**`, block(thread.proposedText));
  const support = supportLine(w, thread);
  parts.push(`**${m.by}** ${inline(authorLine(w, thread.author))} · ${w.day(thread.createdAt)}${support ? ` · ${cellText(support)}` : ''}`);
  const received = receivedLine(w, thread);
  if (received) parts.push(`*${inline(received)}*`);
  for (const reply of thread.replies) {
    parts.push(`**${m.replyFrom(inline(authorLine(w, reply.author)), w.day(reply.createdAt))}**`, block(reply.body));
  }
  parts.push(`**${m.observations}**`, block(observations(w, thread).join('\n')));
  return parts.filter(Boolean).join('\n\n');
}

export function sectionMarkdown(w: ReportWords, report: Report, section: ReportSection): string {
  const parts = [`## ${cellText(sectionHeading(section))}`];
  if (section.threads.length === 0) parts.push(`*${w.markdown.noComments}*`);
  section.threads.forEach((thread) => parts.push(threadMarkdown(w, report, thread)));
  return parts.join('\n\n');
}

export function reportMarkdown(report: Report, w: ReportWords): string {
  const parts = [
    `# ${cellText(report.document.title)}`,
    `**${w.reportTitle}**`,
    metadataLines(w, report).map((line) => `- ${inline(line)}`).join('\n'),
    `## ${w.tables.summary}`,
    inline(totalsLine(w, report)),
    ...summaryTables(w, report).flatMap((t) => [`**${t.title}**`, table(w, t.header, t.rows)]),
    `**${w.tables.bySection}**`,
    table(w, sectionRowsHeader(w), sectionRows(w, report)),
    ...secretaryTables(w, report).flatMap((t) => [`**${t.title}**`, table(w, t.header, t.rows)]),
    ...report.sections.map((section) => sectionMarkdown(w, report, section)),
  ];
  return `${parts.join('\n\n')}\n`;
}
