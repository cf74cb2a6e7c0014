/** A version of the text as a Markdown file: the title, then each section with its number. */
import type { DocumentRecord } from '../storage/records.ts';
import type { VersionForExport } from './exportFiles.ts';

/** The adopted text carries its adoption date: a version taken at or after adoption is the final text. */
export function adoptionStamp(document: DocumentRecord, versionCreatedAt: string): string | null {
  if (!document.adoptedAt || versionCreatedAt < document.adoptedAt) return null;
  return `Adopted on ${new Date(document.adoptedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
}

export function versionAsMarkdown(v: VersionForExport): string {
  const lines = [`# ${v.title}`, ''];
  if (v.stamp) lines.push(`**${v.stamp}**`, '');
  lines.push(`*${v.name}, ${new Date(v.createdAt).toUTCString()}*`, '');
  if (v.preamble) lines.push(v.preamble, '');
  for (const section of v.sections) {
    lines.push(`${'#'.repeat(Math.min(6, section.level + 1))} ${section.number} ${section.title}`, '');
    if (section.text) lines.push(section.text.split('\n').join('\n\n'), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
