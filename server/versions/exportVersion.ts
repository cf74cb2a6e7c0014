/** A version of the text as a Markdown file: the title, then each section with its number. */
import type { SectionText } from '../documents/text.ts';

export function versionAsMarkdown(title: string, version: { name: string; createdAt: string; preamble: string; sections: SectionText[] }): string {
  const lines = [`# ${title}`, '', `*${version.name}, ${new Date(version.createdAt).toUTCString()}*`, ''];
  if (version.preamble) lines.push(version.preamble, '');
  for (const section of version.sections) {
    lines.push(`${'#'.repeat(Math.min(6, section.level + 1))} ${section.number} ${section.title}`, '');
    if (section.text) lines.push(section.text.split('\n').join('\n\n'), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
