/**
 * Words inserted and deleted, as <ins> and <del>: underlined or struck through as well as coloured,
 * and announced as such by screen readers, which often say nothing for <ins>/<del> on their own.
 */
import type { DiffPart } from './versionsApi.ts';

/** A stable key for each part: where it starts in the text it comes from. */
function withOffsets(parts: readonly DiffPart[]) {
  let offset = 0;
  return parts.map((part) => {
    const key = `${part.op}@${offset}`;
    offset += part.text.length;
    return { part, key };
  });
}

export function Redline({ parts, testId }: { parts: readonly DiffPart[]; testId?: string }) {
  return (
    <div className="redline" data-testid={testId}>
      {withOffsets(parts).map(({ part, key }) => {
        if (part.op === 'insert') {
          return (
            <ins key={key}>
              <span className="visually-hidden">[inserted: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </ins>
          );
        }
        if (part.op === 'delete') {
          return (
            <del key={key}>
              <span className="visually-hidden">[deleted: </span>
              {part.text}
              <span className="visually-hidden">]</span>
            </del>
          );
        }
        return <span key={key}>{part.text}</span>;
      })}
    </div>
  );
}

export function RedlineLegend() {
  return (
    <p className="redline-legend">
      <ins>Inserted words</ins> are underlined in green; <del>deleted words</del> are struck through in red.
    </p>
  );
}
