/**
 * The preview of an imported table, one row per comment: where it goes, what it quotes, its type,
 * who sent it, and what still needs a choice. Section, type and sender can be changed in place, and
 * a row can be left out. Native controls, each named after its row, so the table is usable with the
 * keyboard and a screen reader alike.
 */
import type { ImportAuthor } from '../../shared/commentImport.ts';
import { THREAD_KINDS, type ThreadKind } from '../../shared/domain.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { currentLanguage } from '../i18n/intl.ts';
import { missing, openProblems, quoteOf, type EditableRow } from './importRows.ts';

interface SectionOption {
  id: string;
  number: string;
  title: string;
}

interface Props {
  rows: EditableRow[];
  sections: SectionOption[];
  authors: ImportAuthor[];
  onChange: (index: number, row: EditableRow) => void;
}

const authorLabel = (a: ImportAuthor) => [a.name, a.country, a.organisation].filter(Boolean).join(' · ');

export function ImportRowsTable({ rows, sections, authors, onChange }: Props) {
  const t = useT();
  const sortedAuthors = authors.toSorted((a, b) => authorLabel(a).localeCompare(authorLabel(b), currentLanguage()));
  return (
    <div className="comment-import__scroll">
      <table className="comment-import__table" data-testid="comment-import-rows">
        <caption className="visually-hidden">{t('import.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.colImport')}</th>
            <th scope="col">{t('import.colRow')}</th>
            <th scope="col">{t('import.colSection')}</th>
            <th scope="col">{t('import.colQuote')}</th>
            <th scope="col">{t('import.colType')}</th>
            <th scope="col">{t('import.colComment')}</th>
            <th scope="col">{t('import.colSender')}</th>
            <th scope="col">{t('import.colCheck')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const line = row.preview.line;
            const needs = missing(row);
            const blocked = row.include && needs.length > 0;
            const statusId = `import-row-${line}-status`;
            const problems = openProblems(row);
            const candidates = new Set(row.preview.candidateIds);
            const quote = quoteOf(row);
            const set = (change: Partial<EditableRow>) => onChange(index, { ...row, ...change });
            return (
              <tr key={line} className={`comment-import__row${blocked ? ' comment-import__row--blocked' : ''}${row.include ? '' : ' comment-import__row--left-out'}`} data-testid="comment-import-row" data-line={line}>
                <td>
                  <input type="checkbox" checked={row.include} aria-label={t('import.importRow', { line })} aria-describedby={statusId} onChange={(event) => set({ include: event.target.checked })} />
                </td>
                <th scope="row">{line}</th>
                <td>
                  <select className="select" aria-label={t('import.sectionFor', { line })} aria-describedby={statusId} aria-invalid={row.include && !row.sectionId} value={row.sectionId ?? ''} onChange={(event) => set({ sectionId: event.target.value || null })}>
                    <option value="">{t('import.choose')}</option>
                    {sections.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.number} {s.title}
                      </option>
                    ))}
                  </select>
                  {row.preview.source.clause && <span className="comment-import__source">{t('import.inTable', { value: row.preview.source.clause })}</span>}
                </td>
                <td className="comment-import__quote">{quote ? t('import.quote', { text: quote }) : <span className="muted">{t('import.wholeSection')}</span>}</td>
                <td>
                  <select className="select" aria-label={t('import.typeFor', { line })} aria-describedby={statusId} aria-invalid={row.include && !row.kind} value={row.kind ?? ''} onChange={(event) => set({ kind: (event.target.value || null) as ThreadKind | null })}>
                    <option value="">{t('import.choose')}</option>
                    {THREAD_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`kind.${kind}`)}
                      </option>
                    ))}
                  </select>
                  {row.preview.source.type && <span className="comment-import__source">{t('import.inTable', { value: row.preview.source.type })}</span>}
                </td>
                <td className="comment-import__comment">
                  <p>{row.preview.body}</p>
                  {row.preview.proposedText && <p className="comment-import__proposal">{t('import.proposed', { text: row.preview.proposedText })}</p>}
                </td>
                <td>
                  <select className="select" aria-label={t('import.senderFor', { line })} aria-describedby={statusId} aria-invalid={row.include && !row.authorId} value={row.authorId ?? ''} onChange={(event) => set({ authorId: event.target.value || null })}>
                    <option value="">{t('import.choose')}</option>
                    {candidates.size > 0 && (
                      <optgroup label={t('import.likelySenders')}>
                        {sortedAuthors.filter((a) => candidates.has(a.id)).map((a) => (
                          <option key={a.id} value={a.id}>
                            {authorLabel(a)}
                          </option>
                        ))}
                      </optgroup>
                    )}
                    <optgroup label={t('import.members')}>
                      {sortedAuthors.filter((a) => !candidates.has(a.id)).map((a) => (
                        <option key={a.id} value={a.id}>
                          {authorLabel(a)}
                        </option>
                      ))}
                    </optgroup>
                  </select>
                  {(row.preview.source.memberBody || row.preview.source.author) && (
                    <span className="comment-import__source">{t('import.inTable', { value: [row.preview.source.memberBody, row.preview.source.author].filter(Boolean).join(' · ') })}</span>
                  )}
                </td>
                <td id={statusId} className="comment-import__status">
                  {!row.include ? (
                    <span className="muted">{t('import.leftOut')}</span>
                  ) : needs.length ? (
                    <strong className="comment-import__needs">{t('import.needs', { reasons: needs.join(t('list.separator')) })}</strong>
                  ) : (
                    <span className="comment-import__ready">{t('import.ready')}</span>
                  )}
                  {row.include && problems.length > 0 && (
                    <ul className="comment-import__problems">
                      {problems.map((p) => (
                        <li key={p.code}>{t(p.words.key, p.words.values)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
