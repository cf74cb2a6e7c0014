/**
 * How long comparing two versions of a seed document takes: the seed text against a copy in which
 * every paragraph was edited (the worst case for a real revision). Not a test: run and read.
 * `node --import tsx tests/bench/compare.ts`
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { importMarkdown } from '../../server/documents/markdown.ts';
import { draftState } from '../../server/documents/draftState.ts';
import { readSectionTexts, TEXT_FIELD } from '../../server/documents/text.ts';
import { compareTexts } from '../../server/versions/compare.ts';
import { ROOT } from '../helpers/testServer.ts';

for (const file of ['cooperation-with-civil-society.md', 'reducing-drug-related-stigma.md']) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, draftState(importMarkdown(readFileSync(path.join(ROOT, 'docs-seed', file), 'utf8'), file).doc));
  const before = Y.encodeStateAsUpdate(doc);
  let i = 0;
  const edit = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText && child.length > 20) child.insert(Math.floor(child.length / 2), ` revised wording ${i++} `);
      else if (child instanceof Y.XmlElement) edit(child);
    }
  };
  edit(doc.getXmlFragment(TEXT_FIELD));
  const from = new Y.Doc();
  Y.applyUpdate(from, before);
  const runs: number[] = [];
  for (let r = 0; r < 20; r++) {
    const started = performance.now();
    compareTexts(readSectionTexts(from), readSectionTexts(doc));
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b); // oxlint-disable-line unicorn/no-array-sort -- a local array
  console.log(`${file}: ${i} paragraphs edited; compare median ${runs[10]!.toFixed(1)} ms, worst ${runs.at(-1)!.toFixed(1)} ms`);
}
