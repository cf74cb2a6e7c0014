/** Deactivating (or reactivating) a person, after saying what it does: deactivation ends their sessions at once. */
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { peopleApi, type ManagedPerson } from './peopleApi.ts';

interface ActivationDialogProps {
  person: ManagedPerson;
  onChanged: (person: ManagedPerson) => void;
  onClose: () => void;
}

export function ActivationDialog({ person, onChanged, onClose }: ActivationDialogProps) {
  const deactivating = person.active;
  return (
    <ConfirmDialog
      title={deactivating ? `Deactivate ${person.name}?` : `Reactivate ${person.name}?`}
      confirmLabel={deactivating ? 'Deactivate' : 'Reactivate'}
      busyLabel={deactivating ? 'Deactivating…' : 'Reactivating…'}
      destructive={deactivating}
      onConfirm={async () => onChanged(await peopleApi.change(person.id, { active: !deactivating }))}
      onClose={onClose}
    >
      {deactivating ? (
        <>
          <p>
            They are <strong>signed out at once</strong> on every device, and cannot sign in again while deactivated.
          </p>
          <p className="muted">Their comments, replies and sign-offs stay on the record. You can reactivate them later.</p>
        </>
      ) : (
        <p>They can sign in again with the link they already have. If they have lost it, create a new sign-in link afterwards.</p>
      )}
    </ConfirmDialog>
  );
}
