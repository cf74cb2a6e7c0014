/**
 * The report as a file: choose what the edition contains, then one link per format. The links are
 * plain links to the API, so the browser downloads them as it would any file. The file's words are
 * in the interface's language (lang=), whatever the person's saved language.
 */
import { useId, useState } from 'react';
import { STAKEHOLDERS, THREAD_STATUSES, type Stakeholder, type ThreadStatus } from '../../shared/domain.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { CheckboxGroup } from './CheckboxGroup.tsx';
import { reportFileUrl, type ReportFileFormat, type ReportSection } from './reportApi.ts';
import './downloads.css';
import { useT } from '../i18n/LanguageProvider.tsx';
import { currentLanguage } from '../i18n/intl.ts';

const FORMATS: Array<{ format: ReportFileFormat; label: MessageKey }> = [
  { format: 'docx', label: 'download.docx' },
  { format: 'pdf', label: 'download.pdf' },
  { format: 'xlsx', label: 'download.xlsx' },
  { format: 'csv', label: 'download.csv' },
  { format: 'md', label: 'download.md' },
];

/** All chosen means no filter at all: the file then also holds what is added later. */
const only = <T,>(chosen: readonly T[], all: readonly T[]): T[] | undefined => (chosen.length === all.length ? undefined : [...chosen]);

export function DownloadPanel({ documentId, sections }: { documentId: string; sections: readonly ReportSection[] }) {
  const t = useT();
  const language = currentLanguage();
  const sectionIds = sections.map((s) => s.id);
  const [chosenSections, setSections] = useState<string[]>(sectionIds);
  const [stakeholders, setStakeholders] = useState<Stakeholder[]>([...STAKEHOLDERS]);
  const [statuses, setStatuses] = useState<ThreadStatus[]>([...THREAD_STATUSES]);
  const [replies, setReplies] = useState(true);
  const [anonymous, setAnonymous] = useState(false);
  const id = useId();

  const missing = [chosenSections.length === 0 && t('download.aSection'), stakeholders.length === 0 && t('download.aGroup'), statuses.length === 0 && t('download.aStatus')].filter((m): m is string => Boolean(m));
  const options = { sections: only(chosenSections, sectionIds), stakeholders: only(stakeholders, STAKEHOLDERS), statuses: only(statuses, THREAD_STATUSES), replies, anonymous };

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="report-downloads">
      <h2 id={`${id}-title`} className="panel__title">
        {t('download.title')}
      </h2>
      <p className="panel__intro">{t('download.intro')}</p>
      <div className="download-options">
        <CheckboxGroup
          legend={t('download.sections')}
          choices={sections.map((s) => ({ value: s.id, label: `${s.number} ${s.title}`.trim() }))}
          chosen={chosenSections}
          onChange={setSections}
          scroll
        />
        <CheckboxGroup legend={t('download.groups')} choices={STAKEHOLDERS.map((s) => ({ value: s, label: t(`stakeholder.${s}`) }))} chosen={stakeholders} onChange={setStakeholders} />
        <CheckboxGroup legend={t('download.statuses')} choices={THREAD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} chosen={statuses} onChange={setStatuses} />
        <fieldset className="checkbox-group">
          <legend className="field__label">{t('download.edition')}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={replies} onChange={(e) => setReplies(e.target.checked)} /> {t('download.replies')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} aria-describedby={`${id}-anon`} /> {t('download.anonymous')}
          </label>
          <p id={`${id}-anon`} className="field__hint checkbox-hint">
            {t('download.anonymousHint')}
          </p>
        </fieldset>
      </div>
      {missing.length > 0 ? (
        <p className="notice notice--error" role="alert">
          {t('download.missing', { missing: new Intl.ListFormat(language, { type: 'conjunction' }).format(missing) })}
        </p>
      ) : (
        <ul className="download-links" aria-label={t('download.as')}>
          {FORMATS.map(({ format, label }) => (
            <li key={format}>
              <a className="button" href={`${reportFileUrl(documentId, format, options)}&lang=${language}`} download data-format={format}>
                <span className="visually-hidden">{t('download.asPrefix')}</span>
                {t(label)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
