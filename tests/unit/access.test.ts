import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allowed, textAccess } from '../../shared/access.ts';
import { accessTable } from '../../shared/accessTable.ts';
import { ROOT } from '../helpers/testServer.ts';

describe('the role matrix', () => {
  it('is what docs/ACCESS.md shows', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'ACCESS.md'), 'utf8');
    const generated = /<!-- generated: begin -->\n([\s\S]*?)\n<!-- generated: end -->/.exec(doc)?.[1];
    expect(generated).toBe(accessTable());
  });

  it('lets only the working group and the Secretariat edit, only in drafting and revision', () => {
    expect(allowed('working-group', 'text.edit', 'drafting')).toBe(true);
    expect(allowed('secretariat', 'text.edit', 'revision')).toBe(true);
    expect(allowed('working-group', 'text.edit', 'consultation')).toBe(false);
    expect(allowed('participant', 'text.edit', 'drafting')).toBe(false);
    expect(allowed('reviewer', 'text.edit', 'revision')).toBe(false);
  });

  it('follows the contract for commenting', () => {
    expect(allowed('participant', 'thread.comment', 'consultation')).toBe(true);
    expect(allowed('participant', 'thread.comment', 'revision')).toBe(false);
    expect(allowed('reviewer', 'thread.comment', 'final-review')).toBe(true);
    expect(allowed('reviewer', 'thread.comment', 'consultation')).toBe(false);
    expect(allowed('working-group', 'thread.comment', 'drafting')).toBe(true);
    expect(allowed('secretariat', 'thread.comment', 'adopted')).toBe(false);
  });

  it('explains in one line why the text is closed', () => {
    expect(textAccess('participant', 'consultation').reason).toBe('access.commentInConsultation');
    expect(textAccess('working-group', 'adopted').reason).toMatch(/adopted/);
    expect(textAccess('working-group', 'revision')).toEqual({ edit: true, reason: null });
  });
});
