/** A version of the text as a Markdown file: the title, then each section with its number. */
import type { DocumentRecord } from '../storage/records.ts';
import type { ReportWords } from '../report/words.ts';
import type { VersionForExport } from './exportFiles.ts';

/** The adopted text carries its adoption date: a version taken at or after adoption is the final text. */
export function adoptionStamp(document: DocumentRecord, versionCreatedAt: string, w: ReportWords): string | null {
  if (!document.adoptedAt || versionCreatedAt < document.adoptedAt) return null;
  return w.version.adoptedOn(w.day(document.adoptedAt));
}

export function versionAsMarkdown(v: VersionForExport, w: ReportWords): string {
  const lines = [`# ${v.title}`, ''];
  if (v.stamp) lines.push(`**${v.stamp}**`, '');
  // The day, as the Word and PDF files give it, and the time in UTC, which the record needs too.
  lines.push(`*${v.name}, ${w.day(v.createdAt)}, ${v.createdAt.slice(11, 16)} UTC*`, '');
  if (v.preamble) lines.push(v.preamble, '');
  for (const section of v.sections) {
    lines.push(`${'#'.repeat(Math.min(6, section.level + 1))} ${section.number} ${section.title}`, '');
    if (section.text) lines.push(section.text.split('\n').join('\n\n'), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
