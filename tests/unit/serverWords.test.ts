/**
 * Every refusal the server gives is worded in the reader's language: it names a catalogue entry
 * (`.saying('error.…')`, shared/i18n/en.errors.ts), which http/errors.ts gives in French or English.
 * This reads every server file and lists each error built with English words and no catalogue
 * entry: a `new DomainError(…)` (or ApiError) with a message, or a call of a factory of
 * server/errors.ts that takes one (invalidInput, conflict, forbidden with a message), not followed
 * by `.saying(…)`; and a draft import's `new ImportRefusal(code, message)` with no words. A
 * `new DomainError(kind, code, message)` that passes on its own parameter is a factory: its callers
 * are checked instead.
 * Files not yet translated are in serverWordsPending.ts with their count, which may only shrink.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';
import { PENDING } from './serverWordsPending.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORDED_FACTORIES = new Set(['invalidInput', 'conflict', 'forbidden']);

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(full);
    return entry.name.endsWith('.ts') ? [path.relative(ROOT, full)] : [];
  });
}

type Node = { type?: string; start: number; callee?: Node; object?: Node; property?: Node; name?: string; arguments?: Node[] };

/** Whether this expression builds an error in English words with no catalogue entry. */
function unworded(n: Node): boolean {
  if (n.type === 'NewExpression' && n.callee?.type === 'Identifier' && (n.callee.name === 'DomainError' || n.callee.name === 'ApiError')) {
    const message = n.arguments?.[2];
    return message !== undefined && message.type !== 'Identifier';
  }
  // A draft import's refusal (server/documents/import/refusal.ts) carries its words as a third argument.
  if (n.type === 'NewExpression' && n.callee?.type === 'Identifier' && n.callee.name === 'ImportRefusal') return (n.arguments?.length ?? 0) < 3;
  if (n.type === 'CallExpression' && n.callee?.type === 'MemberExpression' && n.callee.object?.type === 'Identifier' && n.callee.object.name === 'errors') {
    const factory = String(n.callee.property?.name);
    return WORDED_FACTORIES.has(factory) && (factory !== 'forbidden' || (n.arguments?.length ?? 0) > 0);
  }
  return false;
}

/** Errors built without a catalogue entry: "file:line code" for each. */
export function unwordedErrors(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const { program, errors } = parseSync(file, source);
  if (errors.length) throw new Error(`${file} does not parse: ${errors[0]?.message}`);
  const found: string[] = [];
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const visit = (node: unknown, parent: Node | undefined, grandparent: Node | undefined): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((child) => visit(child, parent, grandparent));
    const n = node as Node;
    const said = parent?.type === 'MemberExpression' && parent.object === n && parent.property?.name === 'saying' && grandparent?.type === 'CallExpression';
    if (unworded(n) && !said) found.push(`${file}:${lineOf(n.start)} ${source.slice(n.start, n.start + 80).split('\n')[0]}`);
    for (const [key, child] of Object.entries(node)) if (key !== 'parent') visit(child, n, parent);
  };
  visit(program, undefined, undefined);
  return found;
}

const files = serverFiles(path.join(ROOT, 'server'));

describe('the server’s refusals are worded in the catalogues', () => {
  it('in every translated file', () => {
    const offending = files.flatMap(unwordedErrors).filter((line) => !PENDING.has(line.slice(0, line.indexOf(':'))));
    expect(offending).toEqual([]);
  });

  it('and the files still to translate only shrink', () => {
    const counts = Object.fromEntries([...PENDING.keys()].map((f) => [f, files.includes(f) ? unwordedErrors(f).length : 'no longer exists']));
    expect(counts, 'lower or remove the counts in tests/unit/serverWordsPending.ts').toEqual(Object.fromEntries(PENDING));
  });
});
