/** The list to invite (pasted, or read from a CSV file) and what applies to all of them: role, document, e-mail. */
import type { Ref } from 'react';
import type { DocumentListEntry } from '../../shared/api.ts';
import { MEMBER_ROLES, ROLES, type MemberRole, type Role } from '../../shared/domain.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { Field } from '../components/Field.tsx';
import { isArchived } from './DocumentChoice.tsx';

export interface BulkChoices {
  /** The role of rows that give none. */
  defaultRole: Role;
  /** '' for every document that is not archived. */
  documentId: string;
  documentRole: MemberRole;
  sendInvitation: boolean;
}

interface BulkListFormProps {
  ref: Ref<HTMLTextAreaElement>;
  text: string;
  onText: (text: string) => void;
  onFile: (file: File) => void;
  choices: BulkChoices;
  onChoices: (choices: BulkChoices) => void;
  documents: readonly DocumentListEntry[];
}

export function BulkListForm({ ref, text, onText, onFile, choices, onChoices, documents }: BulkListFormProps) {
  const t = useT();
  const set = <K extends keyof BulkChoices>(key: K, value: BulkChoices[K]) => onChoices({ ...choices, [key]: value });
  return (
    <div className="bulk-list">
      <Field label={t('bulk.list')} hint={t('bulk.listHint')}>
        {(control) => (
          <textarea {...control} ref={ref} name="list" className="input bulk-list__text" rows={8} spellCheck={false} value={text} onChange={(e) => onText(e.target.value)} />
        )}
      </Field>
      <Field label={t('bulk.file')} hint={t('bulk.fileHint')}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            className="bulk-list__file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onFile(file);
              e.target.value = '';
            }}
          />
        )}
      </Field>
      <div className="form-grid">
        <Field label={t('bulk.defaultRole')}>
          {(control) => (
            <select {...control} className="select" value={choices.defaultRole} onChange={(e) => set('defaultRole', e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('bulk.documents')}>
          {(control) => (
            <select {...control} className="select" value={choices.documentId} onChange={(e) => set('documentId', e.target.value)}>
              <option value="">{t('bulk.everyDocument')}</option>
              {documents
                .filter((d) => !isArchived(d))
                .map((d) => (
                  <option key={d.id} value={d.id}>
                    {t('bulk.onlyDocument', { title: d.title })}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {choices.documentId && (
          <Field label={t('bulk.documentRole')}>
            {(control) => (
              <select {...control} className="select" value={choices.documentRole} onChange={(e) => set('documentRole', e.target.value as MemberRole)}>
                {MEMBER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={choices.sendInvitation} onChange={(e) => set('sendInvitation', e.target.checked)} />
        <span>{t('bulk.sendInvitation')}</span>
      </label>
    </div>
  );
}
