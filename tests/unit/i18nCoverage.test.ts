/**
 * Every word the interface shows comes from the catalogues (shared/i18n). This reads each client
 * component and fails on text written into the markup: JSX text with letters, and string values of
 * the attributes people read or hear (aria-label, title, placeholder, alt, and our components' label
 * props). Files not yet translated are listed in PENDING; the list may only shrink: a file that is
 * clean must leave it, and a file not on it must stay clean.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';
import { PENDING } from './i18nPending.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label', 'hint', 'confirmLabel', 'busyLabel', 'caption', 'message']);

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' ? [] : componentFiles(full);
    return entry.name.endsWith('.tsx') ? [path.relative(ROOT, full)] : [];
  });
}

/**
 * Sentences written as strings in an expression shown as text: string literals and template parts
 * that read as words, outside function calls (t('key') and friends take
 * keys, which have neither) and outside nested JSX (visited on its own).
 */
function wordsIn(expression: unknown): string[] {
  const words: string[] = [];
  // A word and a space or closing punctuation, or one capitalised word ('Sent'); not a code ('open').
  const looksLikeWords = (text: string) => /\p{L}{2,}/u.test(text) && (/[\s…:.!?]/u.test(text) || /^\p{Lu}\p{Ll}+$/u.test(text));
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as { type?: string; value?: unknown; quasis?: Array<{ value: { cooked?: string } }> };
    if (n.type === 'CallExpression' || n.type?.startsWith('JSX')) return;
    if (n.type === 'Literal' && typeof n.value === 'string' && looksLikeWords(n.value)) words.push(`'${n.value}'`);
    if (n.type === 'TemplateLiteral') for (const q of n.quasis ?? []) if (q.value.cooked && looksLikeWords(q.value.cooked)) words.push(`\`${q.value.cooked}\``);
    for (const [key, child] of Object.entries(node)) if (key !== 'parent') walk(child);
  };
  walk(expression);
  return words;
}

/** Words in the markup: "file:line text" for each. */
export function literalText(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const { program, errors } = parseSync(file, source);
  if (errors.length) throw new Error(`${file} does not parse: ${errors[0]?.message}`);
  const found: string[] = [];
  let insideAttribute = 0;
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { type?: string; value?: unknown; start: number; name?: { name?: string } };
    if (n.type === 'JSXText' && typeof n.value === 'string' && /\p{L}{2,}/u.test(n.value)) found.push(`${file}:${lineOf(n.start)} ${n.value.trim()}`);
    // Words in an expression among the children ({busy ? 'Sending…' : 'Send'}, {`Queued for ${to}`}).
    if (n.type === 'JSXExpressionContainer' && !insideAttribute) found.push(...wordsIn((n as { expression?: unknown }).expression).map((w) => `${file}:${lineOf(n.start)} {${w}}`));
    if (n.type === 'JSXAttribute') {
      insideAttribute++;
      for (const [key, child] of Object.entries(node)) if (key !== 'parent') visit(child);
      insideAttribute--;
    }
    if (n.type === 'JSXAttribute' && READ_ATTRIBUTES.has(String(n.name?.name))) {
      const value = (n as { value?: { type?: string; value?: unknown } }).value;
      if (value?.type === 'Literal' && typeof value.value === 'string' && /\p{L}{2,}/u.test(value.value)) found.push(`${file}:${lineOf(n.start)} ${n.name?.name}="${value.value}"`);
    }
    if (n.type !== 'JSXAttribute') for (const [key, child] of Object.entries(node)) if (key !== 'parent') visit(child);
  };
  visit(program);
  return found;
}

export const files = componentFiles(path.join(ROOT, 'client'));

describe('the interface’s words come from the catalogues', () => {
  it('in every translated component', () => {
    const offending = files.filter((f) => !PENDING.has(f)).flatMap(literalText);
    expect(offending).toEqual([]);
  });

  it('and the list of components still to translate only shrinks', () => {
    const clean = [...PENDING].filter((f) => files.includes(f) && literalText(f).length === 0);
    expect(clean, 'translated: remove from tests/unit/i18nPending.ts').toEqual([]);
    const gone = [...PENDING].filter((f) => !files.includes(f));
    expect(gone, 'no longer exist: remove from tests/unit/i18nPending.ts').toEqual([]);
  });
});
