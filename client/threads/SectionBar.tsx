/**
 * The section being read, from the outline's point of view, with the way to comment on it as a
 * whole: the keyboard route to whole-section comments (pointer users also have a button on each
 * heading).
 */
import { useT } from '../i18n/LanguageProvider.tsx';
import { useReview } from './ReviewContext.tsx';

export function SectionBar() {
  const { sections, currentSectionId, rights, startComment } = useReview();
  const t = useT();
  const section = sections.find((s) => s.id === currentSectionId) ?? sections[0];
  if (!section) return null;
  const name = `${section.number} ${section.title || t('threads.untitledSection')}`;
  return (
    <div className="section-bar" data-testid="section-bar">
      <p className="section-bar__where" title={name}>
        <span className="section-bar__label">{t('threads.reading')}</span> <span className="section-bar__title">{name}</span>
      </p>
      {rights.comment.allowed && (
        <button type="button" className="button button--small section-bar__button" onClick={() => startComment({ type: 'section', sectionId: section.id })}>
          {t('threads.commentOnSection')}<span className="visually-hidden"> {name}</span>
        </button>
      )}
    </div>
  );
}
