/** Putting a version's text back into the live document without disturbing what did not change. */
import { diffArrays } from 'diff';
import * as Y from 'yjs';

/**
 * Makes `current` read as `target`, block by block: blocks (paragraphs, headings, lists) that are the
 * same in both, attributes and formatting included, are kept as they are, so comments anchored in
 * them stay anchored; only the blocks that differ are removed and copied in from the version.
 */
export function restoreBlocks(current: Y.XmlFragment, target: Y.XmlFragment): void {
  const have = current.toArray();
  const want = target.toArray();
  let at = 0;
  let from = 0;
  for (const part of diffArrays(
    have.map((node) => node.toString()),
    want.map((node) => node.toString()),
  )) {
    const count = part.count ?? part.value.length;
    if (part.removed) {
      current.delete(at, count);
    } else if (part.added) {
      current.insert(at, want.slice(from, from + count).map((node) => node.clone()) as Array<Y.XmlElement | Y.XmlText>);
      at += count;
      from += count;
    } else {
      at += count;
      from += count;
    }
  }
}
