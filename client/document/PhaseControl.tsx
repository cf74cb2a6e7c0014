/**
 * The Secretariat's phase switch. Choosing a phase only opens a confirmation that says what will
 * change; nothing happens until it is confirmed. A native <dialog> gives Escape; trapTab keeps Tab inside.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { PHASES, type Phase } from '../../shared/domain.ts';
import { api, errorMessage } from '../api.ts';
import { endOfDayIso, phaseChangeKeys } from './phaseChanges.ts';
import { LooseEnds } from './LooseEnds.tsx';
import { trapTab } from '../components/focusTrap.ts';
import { deploymentZoneName } from '../format.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

interface PhaseControlProps {
  documentId: string;
  phase: Phase;
  onChanged: () => Promise<void> | void;
}

export function PhaseControl({ documentId, phase, onChanged }: PhaseControlProps) {
  const t = useT();
  const [target, setTarget] = useState<Phase | null>(null);
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!target || dialog.current?.open) return;
    dialog.current?.showModal();
    // The safe choice takes the focus: Enter must not change a phase by accident.
    cancelRef.current?.focus();
  }, [target]);

  const close = () => {
    dialog.current?.close();
  };

  const onDialogClose = () => {
    setTarget(null);
    setDeadline('');
    setError(null);
    setBusy(false);
    selectRef.current?.focus();
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    // Confirm keeps the focus while the phase changes (aria-disabled); a second press does nothing.
    if (!target || busy) return;
    setBusy(true);
    setError(null);
    try {
      const due = target === 'consultation' ? (deadline ? endOfDayIso(deadline) : null) : undefined;
      await api.changePhase(documentId, target, due);
      await onChanged();
      close();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const change = target ? phaseChangeKeys(target) : null;
  return (
    <div className="phase-control">
      <label htmlFor={`${id}-phase`} className="phase-control__label">
        {t('documents.phase')}
      </label>
      <select
        id={`${id}-phase`}
        ref={selectRef}
        className="select"
        value={phase}
        data-testid="phase-select"
        onChange={(event) => {
          const next = event.target.value as Phase;
          if (next !== phase) setTarget(next);
        }}
      >
        {PHASES.map((p) => (
          <option key={p} value={p}>
            {t(`phase.${p}`)}
          </option>
        ))}
      </select>
      <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-consequence`} onClose={onDialogClose} onKeyDown={trapTab}>
        {change && target && (
          <form onSubmit={confirm}>
            <h2 id={`${id}-title`} className="dialog__title">
              {t(change.question)}
            </h2>
            <p id={`${id}-consequence`}>{t(change.consequence)}</p>
            <p className="muted">{t('phaseControl.versionSaved')}</p>
            {(target === 'final-review' || target === 'adopted') && <LooseEnds documentId={documentId} target={target} />}
            {target === 'consultation' && (
              <div className="field">
                <label htmlFor={`${id}-deadline`} className="field__label">
                  {t('phaseControl.closeOn')} <span className="muted">{t('field.optional')}</span>
                </label>
                <p className="field__hint" id={`${id}-deadline-hint`}>
                  {t('phaseControl.closeHint', { zone: deploymentZoneName() })}
                </p>
                <input
                  id={`${id}-deadline`}
                  type="date"
                  className="input input--date"
                  value={deadline}
                  aria-describedby={`${id}-deadline-hint`}
                  onChange={(event) => setDeadline(event.target.value)}
                />
              </div>
            )}
            {error && (
              <p className="field__error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog__actions">
              <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="phase-confirm">
                {busy ? t('deadlineChange.busy') : t(change.action)}
              </button>
              <button type="button" className="button" onClick={() => !busy && close()} aria-disabled={busy} ref={cancelRef}>
                {t('dialog.cancel')}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </div>
  );
}
