/** A set of checkboxes with "All" and "None", for choosing what a downloaded report contains. */
import { useId } from 'react';
import './downloads.css';

interface CheckboxGroupProps<T extends string> {
  legend: string;
  choices: ReadonlyArray<{ value: T; label: string }>;
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  /** For long lists (sections): a scrolling box. */
  scroll?: boolean;
}

export function CheckboxGroup<T extends string>({ legend, choices, chosen, onChange, scroll = false }: CheckboxGroupProps<T>) {
  const id = useId();
  const set = new Set(chosen);
  // Keep the order of the choices whatever the order of clicks.
  const toggle = (value: T, on: boolean) => onChange(choices.map((c) => c.value).filter((v) => (v === value ? on : set.has(v))));
  return (
    <fieldset className="checkbox-group">
      <legend className="field__label">{legend}</legend>
      <p className="checkbox-group__bulk">
        <button type="button" className="link-button" aria-describedby={`${id}-count`} onClick={() => onChange(choices.map((c) => c.value))}>
          All
        </button>
        {' · '}
        <button type="button" className="link-button" aria-describedby={`${id}-count`} onClick={() => onChange([])}>
          None
        </button>
        <span id={`${id}-count`} className="muted">
          {' '}
          ({chosen.length} of {choices.length} {legend.toLowerCase()})
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
