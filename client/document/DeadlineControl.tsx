/**
 * The Secretariat's "Change deadline", beside the deadline of a running consultation: a new last day,
 * confirmed in a dialog, moves the deadline without changing the phase. A day already past is refused
 * here (and by the server).
 */
import { useId, useState } from 'react';
import type { Phase } from '../../shared/domain.ts';
import { api, ApiError } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { deploymentZoneName, formatDeadline } from '../format.ts';
import { endOfDayIso } from './phaseChanges.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

interface DeadlineControlProps {
  documentId: string;
  phase: Phase;
  deadline: string | null;
  onChanged: () => Promise<void> | void;
}

const localDay = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

export function DeadlineControl({ documentId, phase, deadline, onChanged }: DeadlineControlProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState('');
  const [today, setToday] = useState('');
  const inputId = useId();

  const start = () => {
    setToday(localDay(new Date()));
    setDay(deadline ? localDay(new Date(deadline)) : '');
    setOpen(true);
  };

  const confirm = async () => {
    const due = endOfDayIso(day);
    // Refused here, before any request, in words the dialog shows (it shows an ApiError's message).
    if (!due) throw new ApiError(400, 'invalid_input', t('deadlineChange.chooseDay'));
    if (Date.parse(due) <= Date.now()) throw new ApiError(400, 'invalid_input', t('deadlineChange.mustBeFuture'));
    await api.changePhase(documentId, phase, due);
    await onChanged();
  };

  const current = formatDeadline(deadline);
  return (
    <>
      <button type="button" className="button button--small docbar__deadline-change" onClick={start} data-testid="change-deadline">
        {t('deadlineChange.button')}
      </button>
      {open && (
        <ConfirmDialog title={t('deadlineChange.title')} confirmLabel={t('deadlineChange.button')} busyLabel={t('deadlineChange.busy')} onConfirm={confirm} onClose={() => setOpen(false)}>
          <p>
            {current ? t('deadlineChange.current', { deadline: current.text }) : t('deadlineChange.none')} {t('deadlineChange.effect')}
          </p>
          <div className="field">
            <label className="field__label" htmlFor={inputId}>
              {t('deadlineChange.dayLabel', { zone: deploymentZoneName() })}
            </label>
            <input id={inputId} type="date" className="input" min={today} value={day} onChange={(event) => setDay(event.target.value)} data-testid="deadline-day" />
          </div>
        </ConfirmDialog>
      )}
    </>
  );
}
