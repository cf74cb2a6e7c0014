/**
 * For the Secretariat: enter the comment for the person who sent it by e-mail. That person becomes
 * its author; the record says when it was received and who entered it. Only offered to the
 * Secretariat, which alone may list people (the server checks again).
 */
import { useEffect, useId, useState } from 'react';
import { threadApi } from '../api.ts';
import { useLanguage, useT } from '../i18n/LanguageProvider.tsx';

export interface OnBehalf {
  personId: string;
  /** yyyy-mm-dd, or '' for today. */
  receivedOn: string;
}

export const NOBODY: OnBehalf = { personId: '', receivedOn: '' };

interface Sender {
  id: string;
  label: string;
}

export function OnBehalfField({ value, onChange }: { value: OnBehalf; onChange: (value: OnBehalf) => void }) {
  const t = useT();
  const { language } = useLanguage();
  const [people, setPeople] = useState<Sender[] | null>(null);
  const [today] = useState(() => new Date().toISOString().slice(0, 10));
  const personId = useId();
  const dateId = useId();
  useEffect(() => {
    let live = true;
    threadApi.people().then(
      (list) =>
        live &&
        setPeople(
          list
            .filter((p) => p.active && p.role !== 'secretariat')
            .map((p) => ({ id: p.id, label: [p.name, p.country, p.organisation].filter(Boolean).join(' · ') }))
            .toSorted((a, b) => a.label.localeCompare(b.label, language)),
        ),
      () => live && setPeople([]),
    );
    return () => {
      live = false;
    };
    // Sorted as the reader's language sorts names; a switch sorts them again.
  }, [language]);
  return (
    <div className="field composer__behalf">
      <label className="field__label" htmlFor={personId}>
        {t('threads.behalf.label')}
      </label>
      <select id={personId} className="select" value={value.personId} onChange={(event) => onChange({ ...value, personId: event.target.value })} data-testid="composer-behalf">
        <option value="">{t('threads.behalf.nobody')}</option>
        {(people ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
      {value.personId && (
        <>
          <label className="field__label" htmlFor={dateId}>
            {t('threads.behalf.received')}
          </label>
          <input id={dateId} type="date" className="input" max={today} value={value.receivedOn} onChange={(event) => onChange({ ...value, receivedOn: event.target.value })} data-testid="composer-received" />
        </>
      )}
    </div>
  );
}

/** The request fields for the choice: nothing for the Secretariat's own comment. */
export function onBehalfFields(value: OnBehalf): { onBehalfOf?: string; receivedAt?: string } {
  if (!value.personId) return {};
  // A date alone is taken as the start of that day in UTC: never in the future when it is today.
  const receivedAt = value.receivedOn ? `${value.receivedOn}T00:00:00Z` : undefined;
  return receivedAt ? { onBehalfOf: value.personId, receivedAt } : { onBehalfOf: value.personId };
}
