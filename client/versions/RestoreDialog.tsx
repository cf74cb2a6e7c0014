/** Restoring an old version, after saying exactly what happens: a new change, with the current text kept first. */
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { versionsApi, type VersionSummary } from './versionsApi.ts';

interface RestoreDialogProps {
  documentId: string;
  version: VersionSummary;
  onRestored: () => void;
  onClose: () => void;
}

export function RestoreDialog({ documentId, version, onRestored, onClose }: RestoreDialogProps) {
  return (
    <ConfirmDialog
      title={`Restore “${version.name}”?`}
      confirmLabel="Restore this version"
      busyLabel="Restoring…"
      onConfirm={async () => {
        await versionsApi.restore(documentId, version.id);
        onRestored();
      }}
      onClose={onClose}
    >
      <p>
        The current text will be <strong>replaced</strong> by the text of this version. This is a new change, which everyone editing the text sees at once.
      </p>
      <p>
        A copy of the current text is saved first, as a version named “Before restoring “{version.name}” (automatic)”, so you can go back to it the same way.
      </p>
      <p className="muted">Comments are kept, but those made on particular words lose their place in the text: they then show the words they were made on.</p>
    </ConfirmDialog>
  );
}
