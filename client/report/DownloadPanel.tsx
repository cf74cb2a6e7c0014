/**
 * The report as a file: choose what the edition contains, then one link per format. The links are
 * plain links to the API, so the browser downloads them as it would any file.
 */
import { useId, useState } from 'react';
import { STAKEHOLDER_LABELS, STAKEHOLDERS, THREAD_STATUS_LABELS, THREAD_STATUSES, type Stakeholder, type ThreadStatus } from '../../shared/domain.ts';
import { CheckboxGroup } from './CheckboxGroup.tsx';
import { reportFileUrl, type ReportFileFormat, type ReportSection } from './reportApi.ts';
import './downloads.css';

const FORMATS: Array<{ format: ReportFileFormat; label: string }> = [
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'pdf', label: 'PDF' },
  { format: 'xlsx', label: 'Excel (.xlsx)' },
  { format: 'csv', label: 'CSV (spreadsheet)' },
  { format: 'md', label: 'Markdown' },
];

/** All chosen means no filter at all: the file then also holds what is added later. */
const only = <T,>(chosen: readonly T[], all: readonly T[]): T[] | undefined => (chosen.length === all.length ? undefined : [...chosen]);

export function DownloadPanel({ documentId, sections }: { documentId: string; sections: readonly ReportSection[] }) {
  const sectionIds = sections.map((s) => s.id);
  const [chosenSections, setSections] = useState<string[]>(sectionIds);
  const [stakeholders, setStakeholders] = useState<Stakeholder[]>([...STAKEHOLDERS]);
  const [statuses, setStatuses] = useState<ThreadStatus[]>([...THREAD_STATUSES]);
  const [replies, setReplies] = useState(true);
  const [anonymous, setAnonymous] = useState(false);
  const id = useId();

  const missing = [chosenSections.length === 0 && 'a section', stakeholders.length === 0 && 'a stakeholder group', statuses.length === 0 && 'a status'].filter(Boolean);
  const options = { sections: only(chosenSections, sectionIds), stakeholders: only(stakeholders, STAKEHOLDERS), statuses: only(statuses, THREAD_STATUSES), replies, anonymous };

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="report-downloads">
      <h2 id={`${id}-title`} className="panel__title">
        Download the report
      </h2>
      <p className="panel__intro">Choose what the file contains. The file is made from the comments as they are at the moment you download it.</p>
      <div className="download-options">
        <CheckboxGroup
          legend="Sections"
          choices={sections.map((s) => ({ value: s.id, label: `${s.number} ${s.title}`.trim() }))}
          chosen={chosenSections}
          onChange={setSections}
          scroll
        />
        <CheckboxGroup legend="Stakeholder groups" choices={STAKEHOLDERS.map((s) => ({ value: s, label: STAKEHOLDER_LABELS[s] }))} chosen={stakeholders} onChange={setStakeholders} />
        <CheckboxGroup legend="Statuses" choices={THREAD_STATUSES.map((s) => ({ value: s, label: THREAD_STATUS_LABELS[s] }))} chosen={statuses} onChange={setStatuses} />
        <fieldset className="checkbox-group">
          <legend className="field__label">Edition</legend>
          <label className="checkbox">
            <input type="checkbox" checked={replies} onChange={(e) => setReplies(e.target.checked)} /> Include replies
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} aria-describedby={`${id}-anon`} /> Anonymised edition
          </label>
          <p id={`${id}-anon`} className="field__hint checkbox-hint">
            For publication: commenters are named only by country and stakeholder group.
          </p>
        </fieldset>
      </div>
      {missing.length > 0 ? (
        <p className="notice notice--error" role="alert">
          Choose at least {missing.join(', ')} to download a report.
        </p>
      ) : (
        <ul className="download-links" aria-label="Download as">
          {FORMATS.map(({ format, label }) => (
            <li key={format}>
              <a className="button" href={reportFileUrl(documentId, format, options)} download data-format={format}>
                <span className="visually-hidden">Download as </span>
                {label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
