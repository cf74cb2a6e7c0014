/** The banner on every signed-in page: product name, who is signed in, and signing out. */
import { useState } from 'react';
import { ROLE_LABELS } from '../../shared/domain.ts';
import { Link } from '../router.tsx';
import { usePerson, useSession } from '../session.tsx';

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

  return (
    <header className="app-header">
      <a className="skip-link" href={skipTo.href}>
        {skipTo.label}
      </a>
      <div className="app-header__inner">
        <Link href="/" className="brand">
          Accord
        </Link>
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
