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

/** Words in the markup: "file:line text" for each. */
export function literalText(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const { program, errors } = parseSync(file, source);
  if (errors.length) throw new Error(`${file} does not parse: ${errors[0]?.message}`);
  const found: string[] = [];
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { type?: string; value?: unknown; start: number; name?: { name?: string } };
    if (n.type === 'JSXText' && typeof n.value === 'string' && /\p{L}{2,}/u.test(n.value)) found.push(`${file}:${lineOf(n.start)} ${n.value.trim()}`);
    if (n.type === 'JSXAttribute' && READ_ATTRIBUTES.has(String(n.name?.name))) {
      const value = (n as { value?: { type?: string; value?: unknown } }).value;
      if (value?.type === 'Literal' && typeof value.value === 'string' && /\p{L}{2,}/u.test(value.value)) found.push(`${file}:${lineOf(n.start)} ${n.name?.name}="${value.value}"`);
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'parent') visit(child);
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
