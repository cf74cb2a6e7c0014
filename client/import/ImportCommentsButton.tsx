/** The document bar's "Import comments" button, for the Secretariat while it may comment; opens the dialog. */
import { useState } from 'react';
import type { DocumentDetail, Person } from '../../shared/api.ts';
import { allowedOn } from '../../shared/access.ts';
import { ImportCommentsDialog } from './ImportCommentsDialog.tsx';

export function ImportCommentsButton({ detail, person }: { detail: DocumentDetail; person: Person }) {
  const [open, setOpen] = useState(false);
  if (!allowedOn(person.role, 'comments.import', detail)) return null;
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="comment-import-open">
        Import comments
      </button>
      {open && <ImportCommentsDialog detail={detail} onClose={() => setOpen(false)} />}
    </>
  );
}
