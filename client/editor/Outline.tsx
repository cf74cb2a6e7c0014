/**
 * The numbered list of sections beside the text. Picking one scrolls its heading into view and puts
 * the cursor there. Before the text has arrived it shows the sections the API gave, without links.
 */
import type { Section } from '../../shared/sections.ts';

interface OutlineProps {
  id: string;
  sections: readonly Pick<Section, 'id' | 'number' | 'title' | 'level'>[];
  activeId: string | null;
  open: boolean;
  onPick?: (id: string) => void;
}

export function Outline({ id, sections, activeId, open, onPick }: OutlineProps) {
  return (
    <nav id={id} className={`outline${open ? ' outline--open' : ''}`} aria-label="Sections" data-testid="outline">
      <h2 className="outline__heading">Sections</h2>
      {sections.length === 0 ? (
        <p className="outline__empty">This text has no headings yet.</p>
      ) : (
        <ol className="outline__list">
          {sections.map((section) => {
            const content = (
              <>
                <span className="outline__number">{section.number}</span>
                <span className="outline__title">{section.title || 'Untitled section'}</span>
              </>
            );
            return (
              <li key={section.id} className={`outline__item outline__item--level-${Math.min(section.level, 3)}`}>
                {onPick ? (
                  <button
                    type="button"
                    className="outline__link"
                    aria-current={section.id === activeId ? 'location' : undefined}
                    data-section-id={section.id}
                    onClick={() => onPick(section.id)}
                  >
                    {content}
                  </button>
                ) : (
                  <span className="outline__link outline__link--static">{content}</span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </nav>
  );
}
