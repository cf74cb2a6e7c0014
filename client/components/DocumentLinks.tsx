/**
 * The pages of one document a person may open, by role and phase: the text, the report, versions
 * and compare, final review. The same row appears on the document's bar and on each of these pages,
 * so people can move between them without going back to the list.
 */
import { allowedInSomePhase } from '../../shared/access.ts';
import type { Phase, Role } from '../../shared/domain.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { documentPath, documentViewPath, Link, type DocumentView } from '../router.tsx';
import './documentLinks.css';

type LinkKey = 'text' | DocumentView;

interface DocumentLink {
  key: LinkKey;
  label: MessageKey;
  href: string;
}

/** Final review is for the reviewers who sign, and for those who follow the tally, once it has begun. */
function showsFinalReview(role: Role, phase: Phase): boolean {
  if (!allowedInSomePhase(role, 'signoff.read')) return false;
  return phase === 'final-review' || phase === 'adopted';
}

export function documentLinks(documentId: string, phase: Phase, role: Role): DocumentLink[] {
  const links: DocumentLink[] = [{ key: 'text', label: 'documentLinks.text', href: documentPath(documentId) }];
  if (allowedInSomePhase(role, 'report.read')) links.push({ key: 'report', label: 'documentLinks.report', href: documentViewPath(documentId, 'report') });
  links.push({ key: 'versions', label: 'documentLinks.versions', href: documentViewPath(documentId, 'versions') });
  if (showsFinalReview(role, phase)) {
    const label = role === 'reviewer' && phase === 'final-review' ? 'documentLinks.signOff' : 'documentLinks.finalReview';
    links.push({ key: 'review', label, href: documentViewPath(documentId, 'review') });
  }
  if (allowedInSomePhase(role, 'people.manage')) links.push({ key: 'members', label: 'documentLinks.members', href: documentViewPath(documentId, 'members') });
  return links;
}

interface DocumentLinksProps {
  documentId: string;
  documentTitle: string;
  phase: Phase;
  role: Role;
  /** The page this row is on; omitted on the document page, whose own link is left out. */
  current?: LinkKey;
  className?: string;
  /** False in lists of documents: one navigation landmark per row would drown the page's own. */
  landmark?: boolean;
}

export function DocumentLinks({ documentId, documentTitle, phase, role, current, className = '', landmark = true }: DocumentLinksProps) {
  const t = useT();
  const links = documentLinks(documentId, phase, role).filter((link) => current !== undefined || link.key !== 'text');
  const list = (
    <ul className="document-links__list" aria-label={landmark ? undefined : t('documentLinks.pagesOf', { title: documentTitle })}>
      {links.map((link) => (
        <li key={link.key}>
          <Link href={link.href} className="document-links__link" aria-current={link.key === current ? 'page' : undefined}>
            {t(link.label)}
          </Link>
        </li>
      ))}
    </ul>
  );
  if (!landmark) return <div className={`document-links ${className}`}>{list}</div>;
  return (
    <nav className={`document-links ${className}`} aria-label={t('documentLinks.pagesOf', { title: documentTitle })} data-testid="document-links">
      {list}
    </nav>
  );
}
