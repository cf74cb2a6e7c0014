/**
 * Turns a message's parts (greeting, paragraphs, a quoted passage, one action link, the footer) into
 * its plain-text and HTML bodies. Every piece of text that came from a person (a name, a title, a
 * comment) is escaped in the HTML; nothing here decides what a message says (messages.ts does).
 */
import { escapeHtml } from '../html.ts';

export interface MessageParts {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** A comment or answer quoted as it was written. */
  quote?: string | null;
  /** Lines of a list (the digest). */
  items?: Array<{ text: string; url: string }>;
  action: { label: string; url: string };
  after?: string[];
  footer: string[];
  /** Footer links: label and URL. */
  footerLinks: Array<{ label: string; url: string }>;
}

const paragraphHtml = (text: string) => `<p style="margin:0 0 12px">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;

export function renderText(parts: MessageParts, language: string): string {
  // French puts a (non-breaking) space before a colon.
  const colon = language === 'fr' ? '\u00a0:' : ':';
  const lines: string[] = [parts.greeting, ''];
  for (const p of parts.paragraphs) lines.push(p, '');
  if (parts.quote) lines.push(...parts.quote.split('\n').map((l) => `> ${l}`), '');
  for (const item of parts.items ?? []) lines.push(`- ${item.text}`, `  ${item.url}`);
  if (parts.items?.length) lines.push('');
  lines.push(`${parts.action.label}${colon}`, parts.action.url, '');
  for (const p of parts.after ?? []) lines.push(p, '');
  lines.push('-- ', ...parts.footer);
  for (const link of parts.footerLinks) lines.push(`${link.label} ${link.url}`);
  return lines.join('\n') + '\n';
}

export function renderHtml(parts: MessageParts, language: string): string {
  const body: string[] = [paragraphHtml(parts.greeting), ...parts.paragraphs.map(paragraphHtml)];
  if (parts.quote) {
    body.push(`<blockquote style="margin:0 0 12px;padding:4px 12px;border-left:3px solid #9aa5b1;color:#334">${escapeHtml(parts.quote).replace(/\n/g, '<br>')}</blockquote>`);
  }
  if (parts.items?.length) {
    body.push(`<ul style="margin:0 0 12px;padding-left:20px">${parts.items.map((i) => `<li style="margin-bottom:6px"><a href="${escapeHtml(i.url)}">${escapeHtml(i.text)}</a></li>`).join('')}</ul>`);
  }
  body.push(
    `<p style="margin:16px 0"><a href="${escapeHtml(parts.action.url)}" style="display:inline-block;padding:10px 16px;background:#1f4e79;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(parts.action.label)}</a></p>`,
  );
  body.push(...(parts.after ?? []).map(paragraphHtml));
  const footer = [...parts.footer.map(escapeHtml), ...parts.footerLinks.map((l) => `${escapeHtml(l.label)} <a href="${escapeHtml(l.url)}">${escapeHtml(l.url)}</a>`)].join('<br>');
  return (
    `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>` +
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:640px">` +
    body.join('') +
    `<hr style="border:none;border-top:1px solid #ccc;margin:24px 0 8px"><p style="font-size:12px;color:#555">${footer}</p></body></html>`
  );
}
