/**
 * The accessibility statement, in the interface language, open to everyone: signed in it has the usual
 * banner; signed out, the brand, the language switch and a way to the sign-in page. The statement is
 * our own markdown (docs/ACCESSIBILITY*.md), built into the page as text and rendered with marked;
 * nothing here comes from a user, which is why it may be set as HTML.
 */
import { useMemo } from 'react';
import { marked } from 'marked';
import english from '../../docs/ACCESSIBILITY.md?raw';
import french from '../../docs/ACCESSIBILITY.fr.md?raw';
import type { Language } from '../../shared/i18n/languages.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useLanguage, useT } from '../i18n/LanguageProvider.tsx';
import { Link } from '../router.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import './accessibility.css';

const STATEMENTS: Record<Language, string> = { en: english, fr: french };

export function AccessibilityPage({ signedIn }: { signedIn: boolean }) {
  const t = useT();
  const { language } = useLanguage();
  useDocumentTitle(t('a11y.title'));
  const html = useMemo(() => marked.parse(STATEMENTS[language], { async: false }), [language]);
  const statement = <div className="statement" data-testid="accessibility-statement" dangerouslySetInnerHTML={{ __html: html }} />;
  if (signedIn) {
    return (
      <>
        <AppHeader />
        <main id="main" tabIndex={-1} className="page">
          {statement}
        </main>
      </>
    );
  }
  return (
    <div className="statement-page">
      <header className="statement-page__brand">
        <p className="brand brand--dark">{t('brand.name')}</p>
        <LanguageSwitch tone="plain" />
        <Link href="/sign-in">{t('a11y.signIn')}</Link>
      </header>
      <main id="main" tabIndex={-1} className="page">
        {statement}
      </main>
    </div>
  );
}
