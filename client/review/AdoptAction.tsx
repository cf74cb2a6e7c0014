/**
 * The Secretariat's last step: adopt the text. The confirmation says that it freezes the text and
 * closes the sign-off, and repeats who has not signed or objects, so nobody adopts by surprise.
 */
import { useState } from 'react';
import { api } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import type { Tally } from './signoffApi.ts';
import { LooseEnds } from '../document/LooseEnds.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';

interface AdoptActionProps {
  documentId: string;
  title: string;
  tally: Tally;
  onAdopted: () => Promise<void>;
}

export function AdoptAction({ documentId, title, tally, onAdopted }: AdoptActionProps) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const waiting = tally.reviewers.filter((r) => !r.signoff).length;
  const objections = tally.byDecision.object;
  const warnings = [waiting > 0 && t('adopt.notSigned', { count: waiting }), objections > 0 && t('adopt.objections', { count: objections })].filter(Boolean);
  return (
    <section className="panel adopt" aria-labelledby="adopt-title">
      <h2 id="adopt-title" className="panel__title">
        {t('adopt.title')}
      </h2>
      <p className="panel__intro">{t('adopt.intro')}</p>
      <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
        {t('adopt.title')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('adopt.confirmTitle', { title })}
          confirmLabel={t('adopt.confirm')}
          busyLabel={t('adopt.busy')}
          onConfirm={async () => {
            await api.changePhase(documentId, 'adopted');
            await onAdopted();
          }}
          onClose={() => setConfirming(false)}
        >
          <p>{t('adopt.explain')}</p>
          {warnings.length > 0 && <p className="notice notice--error">{t('adopt.note', { warnings: warnings.join(t('list.separator')) })}</p>}
          <LooseEnds documentId={documentId} target="adopted" />
        </ConfirmDialog>
      )}
    </section>
  );
}
