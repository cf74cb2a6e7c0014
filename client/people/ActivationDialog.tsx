/** Deactivating (or reactivating) a person, after saying what it does: deactivation ends their sessions at once. */
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';
import { peopleApi, type ManagedPerson } from './peopleApi.ts';

/** <strong> in a catalogue message. */
const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

interface ActivationDialogProps {
  person: ManagedPerson;
  onChanged: (person: ManagedPerson) => void;
  onClose: () => void;
}

export function ActivationDialog({ person, onChanged, onClose }: ActivationDialogProps) {
  const t = useT();
  const deactivating = person.active;
  return (
    <ConfirmDialog
      title={t(deactivating ? 'activation.deactivateTitle' : 'activation.reactivateTitle', { name: person.name })}
      confirmLabel={t(deactivating ? 'people.deactivate' : 'people.reactivate')}
      busyLabel={t(deactivating ? 'activation.deactivating' : 'activation.reactivating')}
      destructive={deactivating}
      onConfirm={async () => onChanged(await peopleApi.change(person.id, { active: !deactivating }))}
      onClose={onClose}
    >
      {deactivating ? (
        <>
          <p>
            <FormattedMessage id="activation.signedOut" values={{ strong }} />
          </p>
          <p className="muted">{t('activation.recordStays')}</p>
        </>
      ) : (
        <p>{t('activation.canSignIn')}</p>
      )}
    </ConfirmDialog>
  );
}
