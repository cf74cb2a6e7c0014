/**
 * A set of checkboxes with "All" and "None", for choosing what a downloaded report contains. Several
 * groups sit side by side, so each bulk button's name says which group it ticks ("All sections"):
 * the group's name is hidden text after the visible word, which stays the start of the name.
 */
import { useId, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useT } from '../i18n/LanguageProvider.tsx';
import './downloads.css';

interface CheckboxGroupProps<T extends string> {
  legend: string;
  choices: ReadonlyArray<{ value: T; label: string }>;
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  /** For long lists (sections): a scrolling box. */
  scroll?: boolean;
}

const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

export function CheckboxGroup<T extends string>({ legend, choices, chosen, onChange, scroll = false }: CheckboxGroupProps<T>) {
  const t = useT();
  const id = useId();
  const group = legend.toLocaleLowerCase();
  const set = new Set(chosen);
  // Keep the order of the choices whatever the order of clicks.
  const toggle = (value: T, on: boolean) => onChange(choices.map((c) => c.value).filter((v) => (v === value ? on : set.has(v))));
  return (
    <fieldset className="checkbox-group">
      <legend className="field__label">{legend}</legend>
      <p className="checkbox-group__bulk">
        <button type="button" className="link-button" aria-describedby={`${id}-count`} onClick={() => onChange(choices.map((c) => c.value))}>
          <FormattedMessage id="checkboxes.all" values={{ legend: group, hidden }} />
        </button>
        {' · '}
        <button type="button" className="link-button" aria-describedby={`${id}-count`} onClick={() => onChange([])}>
          <FormattedMessage id="checkboxes.none" values={{ legend: group, hidden }} />
        </button>
        <span id={`${id}-count`} className="muted">
          {' '}
          {t('checkboxes.count', { chosen: chosen.length, total: choices.length, legend: group })}
        </span>
      </p>
      <div className={scroll ? 'checkbox-group__scroll' : undefined}>
        {choices.map((choice) => (
          <label key={choice.value} className="checkbox">
            <input type="checkbox" checked={set.has(choice.value)} onChange={(e) => toggle(choice.value, e.target.checked)} /> {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
