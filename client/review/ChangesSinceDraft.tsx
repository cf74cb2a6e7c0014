/**
 * What changed since the consultation draft: the comparison of the version taken when the
 * consultation began (else the oldest) with the current text. Either end can be changed.
 */
import { useCallback, useState } from 'react';
import { LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { consultationDraft } from '../versions/compareChoice.ts';
import { CompareView } from '../versions/CompareView.tsx';
import { CURRENT, newestFirst, versionsApi, type VersionRef } from '../versions/versionsApi.ts';
import '../versions/versions.css';
import { useT } from '../i18n/LanguageProvider.tsx';
import { useVersionName } from '../versions/useVersionName.ts';

export function ChangesSinceDraft({ documentId }: { documentId: string }) {
  const t = useT();
  const nameOf = useVersionName();
  const load = useCallback(() => versionsApi.list(documentId).then(newestFirst), [documentId]);
  const { state, retry } = useResource(load);
  const [choice, setChoice] = useState<{ from: VersionRef; to: VersionRef } | null>(null);

  if (state.status === 'loading') return <output className="placeholder">{t('versions.loading')}</output>;
  if (state.status === 'error') return <LoadError failure={state} onRetry={retry} />;
  const draft = consultationDraft(state.data);
  if (!draft) return <p className="placeholder">{t('review.noEarlierVersion')}</p>;
  const current = choice ?? { from: draft.id, to: CURRENT };
  return (
    <>
      <p className="panel__intro">{t('review.comparedWithDraft', { name: nameOf(draft) })}</p>
      <CompareView documentId={documentId} versions={state.data} from={current.from} to={current.to} onChange={(from, to) => setChoice({ from, to })} />
    </>
  );
}
