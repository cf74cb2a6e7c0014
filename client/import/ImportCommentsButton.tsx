/**
 * The document bar's "Import comments" button, for the Secretariat while it may comment. The dialog
 * (and its preview table) loads only when opened: the document page stays as light as it was.
 */
import { lazy, Suspense, useState } from 'react';
import type { DocumentDetail, Person } from '../../shared/api.ts';
import { allowedOn } from '../../shared/access.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

const ImportCommentsDialog = lazy(() => import('./ImportCommentsDialog.tsx').then((module) => ({ default: module.ImportCommentsDialog })));

export function ImportCommentsButton({ detail, person }: { detail: DocumentDetail; person: Person }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (!allowedOn(person.role, 'comments.import', detail)) return null;
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="comment-import-open">
        {t('import.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ImportCommentsDialog detail={detail} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
