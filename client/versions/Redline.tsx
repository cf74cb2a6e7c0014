/**
 * Words inserted and deleted, as <ins> and <del>: underlined or struck through as well as coloured,
 * and announced as such by screen readers, which often say nothing for <ins>/<del> on their own.
 */
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { DiffPart } from './versionsApi.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

/** A stable key for each part: where it starts in the text it comes from. */
function withOffsets(parts: readonly DiffPart[]) {
  let offset = 0;
  return parts.map((part) => {
    const key = `${part.op}@${offset}`;
    offset += part.text.length;
    return { part, key };
  });
}

export function Redline({ parts, testId }: { parts: readonly DiffPart[]; testId?: string }) {
  const t = useT();
  return (
    <div className="redline" data-testid={testId}>
      {withOffsets(parts).map(({ part, key }) => {
        if (part.op === 'insert') {
          return (
            <ins key={key}>
              <span className="visually-hidden">{t('redline.inserted')}</span>
              {part.text}
              <span className="visually-hidden">{t('redline.end')}</span>
            </ins>
          );
        }
        if (part.op === 'delete') {
          return (
            <del key={key}>
              <span className="visually-hidden">{t('redline.deleted')}</span>
              {part.text}
              <span className="visually-hidden">{t('redline.end')}</span>
            </del>
          );
        }
        return <span key={key}>{part.text}</span>;
      })}
    </div>
  );
}

const ins = (chunks: ReactNode[]) => <ins>{chunks}</ins>;
const del = (chunks: ReactNode[]) => <del>{chunks}</del>;

export function RedlineLegend() {
  return (
    <p className="redline-legend">
      <FormattedMessage id="redline.legend" values={{ ins, del }} />
    </p>
  );
}
