/** The banner on every signed-in page: product name, the main pages for the role, who is signed in, and signing out. */
import { useState } from 'react';
import { may } from '../../shared/access.ts';
import { ROLE_LABELS, type Role } from '../../shared/domain.ts';
import { Link, usePath } from '../router.tsx';
import { usePerson, useSession } from '../session.tsx';
import './appNav.css';

/** The pages not about one document; the Secretariat's appear only for the roles that may use them. */
function mainLinks(role: Role) {
  const links = [
    { href: '/', label: 'Documents', active: (path: string) => path === '/' || path.startsWith('/documents/') },
    { href: '/my-comments', label: 'My comments', active: (path: string) => path === '/my-comments' },
  ];
  if (may(role, 'people.manage')) links.push({ href: '/people', label: 'People', active: (path) => path === '/people' });
  if (may(role, 'audit.read')) links.push({ href: '/audit', label: 'Audit log', active: (path) => path === '/audit' });
  if (may(role, 'people.manage')) links.push({ href: '/outbox', label: 'Outbox', active: (path) => path === '/outbox' });
  links.push({ href: '/settings', label: 'E-mail settings', active: (path) => path === '/settings' });
  return links;
}

interface SkipLink {
  href: string;
  label: string;
}

const SKIP_TO_MAIN: SkipLink = { href: '#main', label: 'Skip to main content' };

/** `skipTo` lets a page send keyboard users past its own furniture (the document page: to the text). */
export function AppHeader({ skipTo = SKIP_TO_MAIN }: { skipTo?: SkipLink }) {
  const person = usePerson();
  const { signOut } = useSession();
  const [signingOut, setSigningOut] = useState(false);
  const path = usePath();

  return (
    <header className="app-header">
      <a className="skip-link" href={skipTo.href}>
        {skipTo.label}
      </a>
      <div className="app-header__inner">
        <Link href="/" className="brand">
          Accord
        </Link>
        <nav className="app-nav" aria-label="Main">
          <ul className="app-nav__list">
            {mainLinks(person.role).map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="app-nav__link" aria-current={link.active(path) ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-header__person">
          <span className="app-header__who">
            <span className="app-header__name">{person.name}</span>
            <span className="app-header__role">{ROLE_LABELS[person.role]}</span>
          </span>
          <button
            type="button"
            className="button button--quiet-inverse"
            disabled={signingOut}
            onClick={() => {
              setSigningOut(true);
              void signOut().catch(() => setSigningOut(false));
            }}
          >
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
