/**
 * Compare two states of the text: choose "from" and "to" (any version, or the current text), then
 * read the changes section by section. Unchanged sections are hidden unless asked for.
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { formatDateTime, formatTime } from '../components/dates.ts';
import { Field } from '../components/Field.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { ComparedSectionView } from './ComparedSectionView.tsx';
import { Redline, RedlineLegend } from './Redline.tsx';
import { CURRENT, versionsApi, type Comparison, type VersionRef, type VersionSummary } from './versionsApi.ts';
import { t as translate } from '../i18n/intl.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { useVersionName } from './useVersionName.ts';

interface CompareViewProps {
  documentId: string;
  /** Newest first. */
  versions: readonly VersionSummary[];
  from: VersionRef;
  to: VersionRef;
  onChange: (from: VersionRef, to: VersionRef) => void;
}

/** "2 sections changed, 1 section added; 5 unchanged." in the interface's language. */
function summary(comparison: Comparison): string {
  const count = (change: string) => comparison.sections.filter((s) => s.change === change).length;
  const parts = [
    ['compare.changed', count('changed')],
    ['compare.added', count('added')],
    ['compare.removed', count('removed')],
  ] as const;
  const said = parts.filter(([, n]) => n > 0).map(([key, n]) => translate(key, { count: n }));
  const preamble = comparison.preamble.some((p) => p.op !== 'equal') ? [translate('compare.introductionChanged')] : [];
  const changes = [...said, ...preamble];
  return changes.length ? translate('compare.summary', { changes: changes.join(', '), unchanged: count('unchanged') }) : translate('compare.same');
}

export function CompareView({ documentId, versions, from, to, onChange }: CompareViewProps) {
  const t = useT();
  const nameOf = useVersionName();
  // Named here rather than by the comparison's answer, so that a language switch renames them at once.
  const endName = (ref: VersionRef, fallback: string) => {
    if (ref === CURRENT) return t('compare.current');
    const version = versions.find((v) => v.id === ref);
    return version ? nameOf(version) : fallback;
  };
  const [showUnchanged, setShowUnchanged] = useState(false);
  const id = useId();
  const same = from === to;
  const load = useCallback(() => (same ? Promise.resolve(null) : versionsApi.compare(documentId, from, to)), [documentId, from, to, same]);
  const { state, retry } = useResource(load);
  const comparison = state.status === 'ready' ? state.data : null;
  const shown = useMemo(() => comparison?.sections.filter((s) => showUnchanged || s.change !== 'unchanged') ?? [], [comparison, showUnchanged]);

  const options = (
    <>
      <option value={CURRENT}>{t('compare.current')}</option>
      {versions.map((v) => (
        <option key={v.id} value={v.id}>
          {/* An automatic version's name has its day already: the time is enough beside it. */}
          {`${nameOf(v)} (${v.label ? formatTime(v.createdAt) : formatDateTime(v.createdAt)})`}
        </option>
      ))}
    </>
  );

  return (
    <div className="compare" data-testid="compare">
      <div className="compare__choices">
        <Field label={t('compare.from')}>
          {(control) => (
            <select {...control} className="select" value={from} onChange={(e) => onChange(e.target.value, to)} data-testid="compare-from">
              {options}
            </select>
          )}
        </Field>
        <Field label={t('compare.to')}>
          {(control) => (
            <select {...control} className="select" value={to} onChange={(e) => onChange(from, e.target.value)} data-testid="compare-to">
              {options}
            </select>
          )}
        </Field>
        <label className="checkbox compare__toggle">
          <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} /> {t('compare.showUnchanged')}
        </label>
      </div>
      <output className="compare__summary" id={`${id}-summary`} data-testid="compare-summary">
        {same ? t('compare.chooseTwo') : state.status === 'loading' ? t('compare.comparing') : comparison ? t('compare.fromTo', { from: endName(from, comparison.from.name), to: endName(to, comparison.to.name), summary: summary(comparison) }) : ''}
      </output>
      {state.status === 'error' && <LoadError failure={state} onRetry={retry} />}
      {comparison && (
        <div>
          {(shown.some((s) => s.change !== 'unchanged') || comparison.preamble.some((p) => p.op !== 'equal')) && <RedlineLegend />}
          {comparison.preamble.some((p) => p.op !== 'equal') && (
            <article className="compared compared--changed">
              <h3 className="compared__title">{t('compare.introduction')}</h3>
              <Redline parts={comparison.preamble} />
            </article>
          )}
          {shown.map((section) => (
            <ComparedSectionView key={section.id} section={section} />
          ))}
          {shown.length === 0 && <p className="placeholder">{t('compare.noSectionChanged')}</p>}
        </div>
      )}
    </div>
  );
}
