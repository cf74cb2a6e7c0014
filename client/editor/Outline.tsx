/**
 * The numbered list of sections beside the text. Picking one scrolls its heading into view and puts
 * the cursor there. Before the text has arrived it shows the sections the API gave, without links.
 * Each section shows how many comments it has.
 */
import type { Section } from '../../shared/sections.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

interface OutlineProps {
  id: string;
  sections: readonly Pick<Section, 'id' | 'number' | 'title' | 'level'>[];
  activeId: string | null;
  open: boolean;
  onPick?: (id: string) => void;
  /** Comments per section, shown as a badge. */
  counts?: ReadonlyMap<string, number>;
}

export function Outline({ id, sections, activeId, open, onPick, counts }: OutlineProps) {
  const t = useT();
  return (
    <nav id={id} className={`outline${open ? ' outline--open' : ''}`} aria-label={t('doc.sections')} data-testid="outline">
      <h2 className="outline__heading">{t('doc.sections')}</h2>
      {sections.length === 0 ? (
        <p className="outline__empty">{t('outline.empty')}</p>
      ) : (
        <ol className="outline__list">
          {sections.map((section) => {
            const comments = counts?.get(section.id) ?? 0;
            const content = (
              <>
                <span className="outline__number">{section.number}</span>
                <span className="outline__title">{section.title || t('outline.untitled')}</span>
                {comments > 0 && (
                  <span className="outline__count" data-testid="outline-count">
                    {comments}
                    <span className="visually-hidden"> {t('outline.comments', { count: comments })}</span>
                  </span>
                )}
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
