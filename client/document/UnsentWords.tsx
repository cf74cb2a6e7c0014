/**
 * Words a person typed offline that the server will not take: the text closed for editing before
 * they got through (offlineCopy.ts). They are never merged into the text; they are shown here to be
 * copied into a comment or a message, and forgotten only when the person says so.
 */
import { useId, useRef, useState } from 'react';
import { copyText } from '../components/clipboard.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

export function UnsentWords({ paragraphs, onDiscard }: { paragraphs: string[]; onDiscard: () => void }) {
  const t = useT();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  const text = paragraphs.join('\n\n');

  const copy = async () => {
    const copied = await copyText(text, () => {
      area.current?.focus();
      area.current?.select();
    });
    setStatus(copied ? t('unsent.copied') : t('unsent.selected'));
  };

  return (
    <section className="notice notice--error doc-page__closed unsent-words" role="alert" aria-labelledby={`${id}-title`} data-testid="unsent-words">
      <h2 id={`${id}-title`} className="unsent-words__title">
        {t('unsent.title')}
      </h2>
      <p>{t('unsent.explain')}</p>
      <label htmlFor={`${id}-text`} className="field__label">
        {t('unsent.label')}
      </label>
      <textarea id={`${id}-text`} ref={area} className="input textarea unsent-words__text" readOnly rows={Math.min(8, 2 + paragraphs.length * 2)} value={text} />
      <div className="unsent-words__actions">
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          {t('copy.button')}
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          {t('unsent.discard')}
        </button>
        <output className="muted">{status}</output>
      </div>
    </section>
  );
}
