/**
 * The rows of the Word edition's disposition table: one per comment, after the ISO/IEC commenting
 * template, with the text as commented on (and, once wording was applied, the change as a tracked
 * change), the replies in a column of their own and the working group's observations.
 */
import { diffArrays } from 'diff';
import type { ReportReply, ReportThread } from '../../shared/report.ts';
import { DOCX_WORDS as W } from './docxWords.ts';
import { appliedWordingLine, day, quoteNote, quoteOf, reactionLine, reasonOf, receivedLine, threadNumber, threadUrl } from './labels.ts';
import type { CellLines, Line, Revision, Run } from './docxTables.ts';
import type { Report, ReportSection } from './types.ts';

/** Landscape A4 less 1000-twip margins (14,838 twips), the comment columns widest. */
export const DISPOSITION_COLUMNS: Array<[string, number]> = [
  [W.table.columns.ref, 1000],
  [W.table.columns.member, 1750],
  [W.table.columns.section, 950],
  [W.table.columns.kind, 1050],
  [W.table.columns.quote, 2300],
  [W.table.columns.comment, 2450],
  [W.table.columns.proposed, 1850],
  [W.table.columns.replies, 1850],
  [W.table.columns.observations, 1638],
];

function memberCell(thread: ReportThread, anonymous: boolean): Line[] {
  const { author } = thread;
  const lines: Line[] = [{ text: W.country(author.country), bold: true }, { text: W.stakeholder(author.stakeholder) }];
  if (author.organisation.trim()) lines.push({ text: author.organisation });
  if (!anonymous && author.name.trim()) lines.push({ text: author.name });
  if (thread.supportedBy.length) lines.push({ text: W.table.supportedBy(thread.supportedBy.map(W.country)), italics: true });
  else if (thread.endorsements.length) lines.push({ text: W.table.endorsedBy(thread.endorsements.length), italics: true });
  const received = receivedLine(thread);
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

function quoteCell(thread: ReportThread): Line[] {
  const lines: Line[] = [];
  const quote = quoteOf(thread);
  if (quote) lines.push({ text: quote });
  const note = quoteNote(thread);
  if (note) lines.push({ text: note, italics: true });
  const applied = appliedWordingLine(thread);
  if (applied && thread.applied) {
    lines.push({ text: applied, italics: true });
    const wording = thread.proposedText ?? thread.quote;
    if (quote && wording) lines.push(redline(quote, wording, { author: W.table.revisionAuthor, date: thread.applied.at }));
  }
  return lines;
}

function replyAuthor(reply: ReportReply, anonymous: boolean): Line {
  const when = day(reply.createdAt);
  if (reply.speaksFor) {
    const body = reply.speaksFor === 'working-group' ? W.table.workingGroup : W.table.secretariat;
    const name = anonymous || !reply.author.name.trim() ? '' : ` (${reply.author.name})`;
    return { text: `${body}${name}, ${when}:`, bold: true };
  }
  const who = anonymous ? W.table.participantFrom(W.country(reply.author.country)) : [reply.author.name, reply.author.country && W.country(reply.author.country)].filter(Boolean).join(', ');
  return { text: `${who}, ${when}:`, italics: true };
}

function repliesCell(thread: ReportThread, anonymous: boolean): Line[] {
  return thread.replies.flatMap((reply) => [replyAuthor(reply, anonymous), { text: reply.body }]);
}

function observationsCell(thread: ReportThread): Line[] {
  const lines: Line[] = [{ text: W.status(thread.status), bold: true }];
  const reason = reasonOf(thread);
  if (reason) lines.push({ text: reason });
  const reaction = reactionLine(thread);
  if (reaction) lines.push({ text: reaction, italics: true });
  return lines;
}

export function dispositionRow(report: Report, section: ReportSection, thread: ReportThread): CellLines[] {
  const { anonymous } = report.options;
  return [
    [{ text: threadNumber(thread), bold: true }],
    memberCell(thread, anonymous),
    [section.number || W.table.removedSection],
    [W.kind(thread.kind)],
    quoteCell(thread),
    [{ text: thread.body }, { text: W.table.link(threadUrl(report, thread)), italics: true }],
    [thread.proposedText ?? ''],
    repliesCell(thread, anonymous),
    observationsCell(thread),
  ];
}
