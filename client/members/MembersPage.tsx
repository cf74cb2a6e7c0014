/** /documents/:id/members, for the Secretariat: who takes part in this document, and with which role. */
import { may } from '../../shared/access.ts';
import { DocumentFrame } from '../components/DocumentFrame.tsx';
import { Forbidden } from '../components/LoadError.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';
import { usePerson } from '../session.tsx';
import { MembersPanel } from './MembersPanel.tsx';

export function MembersPage({ documentId }: { documentId: string }) {
  const t = useT();
  return (
    <DocumentFrame documentId={documentId} view="members" title={t('members.title')}>
      {(detail) => <MembersGate documentId={documentId} title={detail.title} />}
    </DocumentFrame>
  );
}

function MembersGate({ documentId, title }: { documentId: string; title: string }) {
  const person = usePerson();
  return may(person.role, 'people.manage') ? <MembersPanel documentId={documentId} documentTitle={title} /> : <Forbidden />;
}
