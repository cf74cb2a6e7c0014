/**
 * The domain knows nothing of HTTP: commands, the rights check and the error catalogue import nothing
 * from server/http/ (the routes map domain errors to answers, once, in app.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = path.resolve(import.meta.dirname, '../../server');
const DOMAIN = ['threads', 'documents', 'versions', 'signoffs', 'report', 'collab', 'people', 'storage'];

const sourcesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesIn(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });

describe('layering', () => {
  it('keeps server/http/ out of the domain modules, the rights check and the error catalogue', () => {
    const files = [...DOMAIN.flatMap((folder) => sourcesIn(path.join(SERVER, folder))), path.join(SERVER, 'errors.ts'), path.join(SERVER, 'rights.ts')];
    expect(files.length).toBeGreaterThan(40);
    const offenders = files.flatMap((file) => {
      const imports = [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
      return imports.filter((specifier) => /(^|\/)http\//.test(specifier)).map((specifier) => `${path.relative(SERVER, file)} imports ${specifier}`);
    });
    expect(offenders).toEqual([]);
  });
});
