/**
 * /documents/:id/report: the consolidated feedback report on screen (figures, charts, the full
 * disposition table with filters) and as a file in four formats.
 */
import { useCallback, useMemo, useState } from 'react';
import { may } from '../../shared/access.ts';
import { DocumentFrame } from '../components/DocumentFrame.tsx';
import { formatDateTime } from '../components/dates.ts';
import { Forbidden, LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { usePerson } from '../session.tsx';
import { DispositionFilters } from './DispositionFilters.tsx';
import { dispositionRows, filterChoices, filterDispositions, NO_DISPOSITION_FILTER } from './dispositionFilter.ts';
import { DispositionTable } from './DispositionTable.tsx';
import { DownloadPanel } from './DownloadPanel.tsx';
import { ReportCharts, ReportGlance } from './ReportCharts.tsx';
import { reportApi, type Report } from './reportApi.ts';
import './report.css';
import { useT } from '../i18n/LanguageProvider.tsx';

export function ReportPage({ documentId }: { documentId: string }) {
  const t = useT();
  const person = usePerson();
  return (
    <DocumentFrame documentId={documentId} view="report" title={t('report.title')}>
      {() => (may(person.role, 'report.read') ? <ReportContent documentId={documentId} /> : <Forbidden />)}
    </DocumentFrame>
  );
}

function ReportContent({ documentId }: { documentId: string }) {
  const t = useT();
  const load = useCallback(() => reportApi.get(documentId), [documentId]);
  const { state, reload, retry } = useResource(load);
  const [refreshing, setRefreshing] = useState(false);

  if (state.status === 'loading') return <output className="placeholder">{t('report.loading')}</output>;
  if (state.status === 'error') return <LoadError failure={state} onRetry={retry} />;
  const refresh = () => {
    setRefreshing(true);
    void reload().finally(() => setRefreshing(false));
  };
  return (
    <>
      <div className="report-toolbar">
        <output className="muted">
          {refreshing ? t('report.updating') : t('report.asOf', { date: formatDateTime(state.data.generatedAt) })}
        </output>
        <button type="button" className="button button--small" onClick={refresh} disabled={refreshing}>
          {t('report.update')}
        </button>
        <a href="#report-downloads-anchor">{t('report.toDownloads')}</a>
      </div>
      <section aria-labelledby="glance-title">
        <h2 id="glance-title" className="section-title">
          {t('report.glance')}
        </h2>
        <ReportGlance report={state.data} />
        <ReportCharts report={state.data} />
      </section>
      <Dispositions report={state.data} />
      <div id="report-downloads-anchor" tabIndex={-1}>
        <DownloadPanel documentId={documentId} sections={state.data.sections} />
      </div>
    </>
  );
}

function Dispositions({ report }: { report: Report }) {
  const t = useT();
  const [filter, setFilter] = useState(NO_DISPOSITION_FILTER);
  const rows = useMemo(() => dispositionRows(report.sections), [report]);
  const choices = useMemo(() => filterChoices(rows), [rows]);
  const shown = useMemo(() => filterDispositions(rows, filter), [rows, filter]);
  return (
    <section aria-labelledby="dispositions-title" className="dispositions">
      <h2 id="dispositions-title" className="section-title">
        {t('report.everyComment')}
      </h2>
      {rows.length === 0 ? (
        <p className="placeholder">{t('report.noComments')}</p>
      ) : (
        <>
          <DispositionFilters filter={filter} sections={report.sections} authors={choices.authors} countries={choices.countries} onChange={setFilter} />
          <output className="result-count">
            {shown.length === rows.length ? t('report.countAll', { count: rows.length }) : t('report.countShown', { shown: shown.length, count: rows.length })}
          </output>
          {shown.length > 0 ? <DispositionTable rows={shown} /> : <p className="placeholder">{t('report.noMatch')}</p>}
        </>
      )}
    </section>
  );
}
