/** The banner on every signed-in page: product name, the main pages for the role, who is signed in, and signing out. */
import { useState } from 'react';
import { may } from '../../shared/access.ts';
import type { Role } from '../../shared/domain.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { settingsApi } from '../settings/settingsApi.ts';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';
import { Link, usePath } from '../router.tsx';
import { usePerson, useSession } from '../session.tsx';
import './appNav.css';

/** The pages not about one document; the Secretariat's appear only for the roles that may use them. */
function mainLinks(role: Role) {
  const links: Array<{ href: string; label: MessageKey; active: (path: string) => boolean }> = [
    { href: '/', label: 'header.documents', active: (path) => path === '/' || path.startsWith('/documents/') },
    { href: '/my-comments', label: 'header.myComments', active: (path) => path === '/my-comments' },
  ];
  if (may(role, 'people.manage')) links.push({ href: '/people', label: 'header.people', active: (path) => path === '/people' });
  if (may(role, 'audit.read')) links.push({ href: '/audit', label: 'header.audit', active: (path) => path === '/audit' });
  if (may(role, 'people.manage')) links.push({ href: '/outbox', label: 'header.outbox', active: (path) => path === '/outbox' });
  links.push({ href: '/settings', label: 'header.settings', active: (path) => path === '/settings' });
  return links;
}

interface SkipLink {
  href: string;
  /** Already in the reader's language. */
  label: string;
}

const saveLanguage = (language: Parameters<typeof settingsApi.save>[0]['language']) => settingsApi.save({ language });

/** `skipTo` lets a page send keyboard users past its own furniture (the document page: to the text). */
export function AppHeader({ skipTo }: { skipTo?: SkipLink }) {
  const t = useT();
  const skip = skipTo ?? { href: '#main', label: t('header.skipToMain') };
  const person = usePerson();
  const { signOut } = useSession();
  const [signingOut, setSigningOut] = useState(false);
  const path = usePath();

  return (
    <header className="app-header">
      <a className="skip-link" href={skip.href}>
        {skip.label}
      </a>
      <div className="app-header__inner">
        <Link href="/" className="brand">
          {t('brand.name')}
        </Link>
        <nav className="app-nav" aria-label={t('header.mainNav')}>
          <ul className="app-nav__list">
            {mainLinks(person.role).map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="app-nav__link" aria-current={link.active(path) ? 'page' : undefined}>
                  {t(link.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-header__person">
          <span className="app-header__who">
            <span className="app-header__name">{person.name}</span>
            <span className="app-header__role">{t(`role.${person.role}`)}</span>
          </span>
          <Link href="/accessibility" className="app-header__a11y" aria-current={path === '/accessibility' ? 'page' : undefined}>
            {t('a11y.link')}
          </Link>
          <LanguageSwitch save={saveLanguage} />
          <button
            type="button"
            className="button button--quiet-inverse app-header__sign-out"
            disabled={signingOut}
            onClick={() => {
              setSigningOut(true);
              void signOut().catch(() => setSigningOut(false));
            }}
          >
            {t('header.signOut')}
          </button>
        </div>
      </div>
    </header>
  );
}
