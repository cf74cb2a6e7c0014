/** Restoring an old version, after saying exactly what happens: a new change, with the current text kept first. */
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { versionsApi, type VersionSummary } from './versionsApi.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { useVersionName } from './useVersionName.ts';

interface RestoreDialogProps {
  documentId: string;
  version: VersionSummary;
  onRestored: () => void;
  onClose: () => void;
}

export function RestoreDialog({ documentId, version, onRestored, onClose }: RestoreDialogProps) {
  const t = useT();
  const name = useVersionName()(version);
  return (
    <ConfirmDialog
      title={t('restore.title', { name })}
      confirmLabel={t('restore.confirm')}
      busyLabel={t('restore.busy')}
      onConfirm={async () => {
        await versionsApi.restore(documentId, version.id);
        onRestored();
      }}
      onClose={onClose}
    >
      <p>{t('restore.replaces')}</p>
      <p>{t('restore.copyFirst', { name })}</p>
      <p className="muted">{t('restore.comments')}</p>
    </ConfirmDialog>
  );
}
