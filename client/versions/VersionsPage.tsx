/**
 * /documents/:id/versions: the versions of the text (name one, read, download, restore) and the
 * comparison of any two of them, or of one with the current text.
 */
import { useCallback, useRef, useState } from 'react';
import type { DocumentDetail } from '../../shared/api.ts';
import { allowed } from '../../shared/access.ts';
import { DocumentFrame } from '../components/DocumentFrame.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { usePerson } from '../session.tsx';
import { initialChoice, rememberChoice } from './compareChoice.ts';
import { CompareView } from './CompareView.tsx';
import { NameVersionForm } from './NameVersionForm.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';
import { VersionTable } from './VersionTable.tsx';
import { CURRENT, newestFirst, versionsApi, type VersionRef, type VersionSummary } from './versionsApi.ts';
import './versions.css';
import { useT } from '../i18n/LanguageProvider.tsx';
import { useVersionName } from './useVersionName.ts';

export function VersionsPage({ documentId }: { documentId: string }) {
  const t = useT();
  return (
    <DocumentFrame documentId={documentId} view="versions" title={t('versions.pageTitle')}>
      {(detail) => <Versions detail={detail} />}
    </DocumentFrame>
  );
}

function Versions({ detail }: { detail: DocumentDetail }) {
  const t = useT();
  const nameOf = useVersionName();
  const person = usePerson();
  const load = useCallback(() => versionsApi.list(detail.id).then(newestFirst), [detail.id]);
  const { state, reload, retry } = useResource(load);
  const [choice, setChoice] = useState<{ from: VersionRef; to: VersionRef } | null>(null);
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);
  const [status, setStatus] = useState('');
  const compareHeading = useRef<HTMLHeadingElement>(null);

  if (state.status === 'loading') return <output className="placeholder">{t('versions.loading')}</output>;
  if (state.status === 'error') return <LoadError failure={state} onRetry={retry} />;
  const versions = state.data;
  const current = choice ?? initialChoice(versions);
  const choose = (from: VersionRef, to: VersionRef) => {
    setChoice({ from, to });
    rememberChoice(from, to);
  };
  const compareWithCurrent = (version: VersionSummary) => {
    choose(version.id, CURRENT);
    compareHeading.current?.scrollIntoView({ block: 'start' });
    compareHeading.current?.focus({ preventScroll: true });
  };

  return (
    <>
      <output className="page-status" data-testid="versions-status">
        {status}
      </output>
      <section aria-labelledby="versions-title" className="versions">
        <h2 id="versions-title" className="section-title">
          {t('versions.title')}
        </h2>
        <p className="panel__intro">{t('versions.intro')}</p>
        {allowed(person.role, 'version.create', detail.phase) && (
          <NameVersionForm
            documentId={detail.id}
            onCreated={(version) => {
              // Said once the list shows the new version.
              void reload().finally(() => setStatus(t('versions.saved', { name: version.name })));
            }}
          />
        )}
        {versions.length === 0 ? (
          <p className="placeholder">{t('versions.none')}</p>
        ) : (
          <>
            {/* Named versions first; the automatic ones, one per phase change, are grouped below. */}
            {versions.some((v) => !v.automatic) && (
              <VersionTable
                documentId={detail.id}
                versions={versions.filter((v) => !v.automatic)}
                caption={t('versions.namedCaption')}
                canRestore={allowed(person.role, 'text.edit', detail.phase)}
                onCompare={compareWithCurrent}
                onRestore={setRestoring}
              />
            )}
            {versions.some((v) => v.automatic) && (
              <details className="versions-automatic" open={!versions.some((v) => !v.automatic)}>
                <summary>{t('versions.automaticSummary', { count: versions.filter((v) => v.automatic).length })}</summary>
                <VersionTable
                  documentId={detail.id}
                  versions={versions.filter((v) => v.automatic)}
                  caption={t('versions.automaticCaption')}
                  canRestore={allowed(person.role, 'text.edit', detail.phase)}
                  onCompare={compareWithCurrent}
                  onRestore={setRestoring}
                />
              </details>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="compare-title" className="versions__compare">
        <h2 id="compare-title" className="section-title" ref={compareHeading} tabIndex={-1}>
          {t('versions.compare')}
        </h2>
        {current ? (
          <CompareView documentId={detail.id} versions={versions} from={current.from} to={current.to} onChange={choose} />
        ) : (
          <p className="placeholder">{t('versions.nothingToCompare')}</p>
        )}
      </section>
      {restoring && (
        <RestoreDialog
          documentId={detail.id}
          version={restoring}
          onRestored={() => {
            const name = nameOf(restoring);
            void reload().finally(() => setStatus(t('versions.restored', { name })));
          }}
          onClose={() => setRestoring(null)}
        />
      )}
    </>
  );
}
