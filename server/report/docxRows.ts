/**
 * The rows of the Word edition's disposition table: one per comment, after the ISO/IEC commenting
 * template, with the text as commented on (and, once wording was applied, the change as a tracked
 * change), the replies in a column of their own and the working group's observations.
 */
import { diffArrays } from 'diff';
import type { ReportReply, ReportThread } from '../../shared/report.ts';
import { appliedWordingLine, quoteNote, quoteOf, reactionLine, reasonOf, receivedLine, threadLinkTarget, threadNumber, threadUrl } from './labels.ts';
import type { CellLines, Line, Revision, Run } from './docxTables.ts';
import type { Report, ReportSection } from './types.ts';
import type { ReportWords } from './words.ts';

/** Landscape A4 less 1000-twip margins (14,838 twips), the comment columns widest. */
/** The column of the comment's type, whose names must not break. */
export const TYPE_COLUMN = 3;

export function dispositionColumns(w: ReportWords): Array<[string, number]> {
  const c = w.docx.table.columns;
  return [
    [c.ref, 1000],
    [c.member, 1750],
    [c.section, 950],
    [c.kind, 1050],
    [c.quote, 2300],
    [c.comment, 2450],
    [c.proposed, 1850],
    [c.replies, 1850],
    [c.observations, 1638],
  ];
}

function memberCell(w: ReportWords, thread: ReportThread, anonymous: boolean): Line[] {
  const { author } = thread;
  const lines: Line[] = [{ text: w.country(author.country), bold: true }, { text: w.stakeholder(author.stakeholder) }];
  if (author.organisation.trim()) lines.push({ text: author.organisation });
  if (!anonymous && author.name.trim()) lines.push({ text: author.name });
  if (thread.supportedBy.length) lines.push({ text: w.people.supportedBy(w.list(thread.supportedBy.map(w.country))), italics: true });
  else if (thread.endorsements.length) lines.push({ text: w.people.endorsedByParticipants(w.number(thread.endorsements.length)), italics: true });
  const received = receivedLine(w, thread);
  if (received) lines.push({ text: received, italics: true });
  return lines;
}

/**
 * The applied wording as Word tracked changes, word by word, from the text as commented on. Words
 * and the spaces between them are compared as a list: the diff package's own word mode is many
 * times slower, and a report may hold thousands of applied comments.
 */
function redline(before: string, after: string, change: Omit<Revision, 'kind'>): Line {
  const words = (text: string) => text.split(/(\s+)/).filter(Boolean);
  const parts = diffArrays(words(before), words(after));
  const runs: Run[] = [];
  // Changes separated only by spaces read as one deletion and one insertion, as a redline is written.
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) runs.push({ text: deleted, change: { kind: 'del', ...change } });
    if (inserted) runs.push({ text: inserted, change: { kind: 'ins', ...change } });
    deleted = inserted = '';
  };
  parts.forEach((part, i) => {
    const text = part.value.join('');
    if (part.added) inserted += text;
    else if (part.removed) deleted += text;
    else if ((deleted || inserted) && i < parts.length - 1 && !text.trim()) {
      deleted += text;
      inserted += text;
    } else {
      flush();
      runs.push({ text });
    }
  });
  flush();
  return { runs };
}

function quoteCell(w: ReportWords, thread: ReportThread): Line[] {
  const lines: Line[] = [];
  const quote = quoteOf(thread);
  if (quote) lines.push({ text: quote });
  const note = quoteNote(w, thread);
  if (note) lines.push({ text: note, italics: true });
  const applied = appliedWordingLine(w, thread);
  if (applied && thread.applied) {
    lines.push({ text: applied, italics: true });
    const wording = thread.proposedText ?? thread.quote;
    if (quote && wording) lines.push(redline(quote, wording, { author: w.people.workingGroup, date: thread.applied.at }));
  }
  return lines;
}

function replyAuthor(w: ReportWords, reply: ReportReply, anonymous: boolean): Line {
  const when = w.day(reply.createdAt);
  if (reply.speaksFor) {
    const body = reply.speaksFor === 'working-group' ? w.people.workingGroup : w.people.secretariat;
    const name = anonymous || !reply.author.name.trim() ? '' : ` (${reply.author.name})`;
    return { text: `${body}${name}, ${when}:`, bold: true };
  }
  const who = anonymous ? w.people.participantFrom(w.country(reply.author.country)) : [reply.author.name, reply.author.country && w.country(reply.author.country)].filter(Boolean).join(', ');
  return { text: `${who}, ${when}:`, italics: true };
}

function repliesCell(w: ReportWords, thread: ReportThread, anonymous: boolean): Line[] {
  return thread.replies.flatMap((reply) => [replyAuthor(w, reply, anonymous), { text: reply.body }]);
}

function observationsCell(w: ReportWords, thread: ReportThread): Line[] {
  const lines: Line[] = [{ text: w.status(thread.status), bold: true }];
  const reason = reasonOf(w, thread);
  if (reason) lines.push({ text: reason });
  const reaction = reactionLine(w, thread);
  if (reaction) lines.push({ text: reaction, italics: true });
  return lines;
}

export function dispositionRow(w: ReportWords, report: Report, section: ReportSection, thread: ReportThread): CellLines[] {
  const { anonymous } = report.options;
  // The reference and the "Link:" line both open the document at the comment (when the address is whole).
  const url = threadUrl(report, thread);
  const link = threadLinkTarget(report, thread) ?? undefined;
  return [
    [{ text: threadNumber(thread), bold: true, link }],
    memberCell(w, thread, anonymous),
    [section.number || w.docx.table.removedSection],
    [w.kind(thread.kind)],
    quoteCell(w, thread),
    [{ text: thread.body }, { runs: [{ text: `${w.docx.table.link} `, italics: true }, { text: url, italics: true, link }] }],
    [thread.proposedText ?? ''],
    repliesCell(w, thread, anonymous),
    observationsCell(w, thread),
  ];
}
