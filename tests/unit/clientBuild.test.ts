import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertProductionBundle } from '../../server/clientBuild.ts';

describe('the client build check', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function bundle(code: string): string {
    dir = mkdtempSync(path.join(tmpdir(), 'accord-dist-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets', 'index-abc.js'), code);
    return dir;
  }

  it('refuses a bundle compiled for the development JSX runtime (it renders a blank page)', () => {
    expect(() => assertProductionBundle(bundle('(0,w.jsxDEV)("div",{})'))).toThrow(/development JSX runtime/);
  });

  it('accepts a production bundle', () => {
    expect(() => assertProductionBundle(bundle('(0,w.jsx)("div",{})'))).not.toThrow();
  });
});
