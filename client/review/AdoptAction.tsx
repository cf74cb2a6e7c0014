/**
 * The Secretariat's last step: adopt the text. The confirmation says that it freezes the text and
 * closes the sign-off, and repeats who has not signed or objects, so nobody adopts by surprise.
 */
import { useState } from 'react';
import { api } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import type { Tally } from './signoffApi.ts';
import { LooseEnds } from '../document/LooseEnds.tsx';

interface AdoptActionProps {
  documentId: string;
  title: string;
  tally: Tally;
  onAdopted: () => Promise<void>;
}

export function AdoptAction({ documentId, title, tally, onAdopted }: AdoptActionProps) {
  const [confirming, setConfirming] = useState(false);
  const waiting = tally.reviewers.filter((r) => !r.signoff).length;
  const objections = tally.byDecision.object;
  const warnings = [
    waiting > 0 && `${waiting} Permanent ${waiting === 1 ? 'Correspondent has' : 'Correspondents have'} not signed`,
    objections > 0 && `${objections} ${objections === 1 ? 'objects' : 'object'} to the text`,
  ].filter(Boolean);
  return (
    <section className="panel adopt" aria-labelledby="adopt-title">
      <h2 id="adopt-title" className="panel__title">
        Adopt the text
      </h2>
      <p className="panel__intro">When the sign-off is complete, adopt the text. Adoption freezes it: no more edits, comments or changes of decision.</p>
      <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
        Adopt the text
      </button>
      {confirming && (
        <ConfirmDialog
          title={`Adopt “${title}”?`}
          confirmLabel="Adopt and freeze the text"
          busyLabel="Adopting…"
          onConfirm={async () => {
            await api.changePhase(documentId, 'adopted');
            await onAdopted();
          }}
          onClose={() => setConfirming(false)}
        >
          <p>
            Adopting <strong>freezes the text</strong>: nobody can edit it, comment or reply any more, and Permanent Correspondents can no longer change their decision. A
            version of the text is saved automatically.
          </p>
          {warnings.length > 0 && <p className="notice notice--error">Note: {warnings.join('; ')}.</p>}
          <LooseEnds documentId={documentId} target="adopted" />
        </ConfirmDialog>
      )}
    </section>
  );
}
