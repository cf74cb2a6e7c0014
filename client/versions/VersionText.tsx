/** A version's text, read-only: numbered headings and paragraphs, always as text (never as HTML). */
import type { VersionText as Version } from './versionsApi.ts';

const HEADINGS = ['h3', 'h4', 'h5'] as const;

/** The non-empty lines, each keyed by where it starts: lines may repeat, positions do not. */
function lines(text: string): Array<{ line: string; key: number }> {
  let offset = 0;
  const all = text.split('\n').map((line) => {
    const key = offset;
    offset += line.length + 1;
    return { line, key };
  });
  return all.filter(({ line }) => line.trim());
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {lines(text).map(({ line, key }) => (
        <p key={key}>{line}</p>
      ))}
    </>
  );
}

export function VersionText({ version }: { version: Version }) {
  return (
    <div className="version-text" data-testid="version-text">
      {version.preamble.trim() && <Paragraphs text={version.preamble} />}
      {version.sections.map((section) => {
        const Heading = HEADINGS[Math.min(Math.max(section.level, 1), HEADINGS.length) - 1] ?? 'h5';
        return (
          <section key={section.id} aria-labelledby={`v-${section.id}`}>
            <Heading id={`v-${section.id}`} className={`version-text__heading version-text__heading--${section.level}`}>
              <span className="version-text__number">{section.number}</span> {section.title}
            </Heading>
            <Paragraphs text={section.text} />
          </section>
        );
      })}
    </div>
  );
}
