/** The sticky bar over a document: the way back, what it is, who is here, whether we are connected. */
import type { ReactNode, Ref } from 'react';
import type { DocumentDetail, Person } from '../../shared/api.ts';
import { may } from '../../shared/access.ts';
import { DocumentLinks } from '../components/DocumentLinks.tsx';
import { PhaseBadge } from '../components/PhaseBadge.tsx';
import { Link } from '../router.tsx';
import type { ConnectionState } from '../editor/useCollab.ts';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { DeadlineControl } from './DeadlineControl.tsx';
import { DeadlineCountdown } from './DeadlineCountdown.tsx';
import { PhaseControl } from './PhaseControl.tsx';
import { Presence } from './Presence.tsx';
import { ImportCommentsButton } from '../import/ImportCommentsButton.tsx';
import type { PresentPerson } from './usePresence.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

interface DocumentBarProps {
  ref: Ref<HTMLDivElement>;
  toggleRef: Ref<HTMLButtonElement>;
  detail: DocumentDetail;
  person: Person;
  people: PresentPerson[];
  connection: ConnectionState;
  connectionMessage: string | null;
  outlineId: string;
  outlineOpen: boolean;
  onToggleOutline: () => void;
  onPhaseChanged: () => Promise<void>;
  /** The comments drawer's button, for narrow screens. */
  commentsToggle?: ReactNode;
}

export function DocumentBar(props: DocumentBarProps) {
  const { ref, toggleRef, detail, person, people, connection, connectionMessage, outlineId, outlineOpen, onToggleOutline, onPhaseChanged, commentsToggle } = props;
  const t = useT();
  return (
    <div className="docbar" ref={ref}>
      <div className="docbar__inner">
        <div className="docbar__heading">
          <Link href="/" className="back-link">
            {t('doc.allDocuments')}
          </Link>
          <DocumentLinks documentId={detail.id} documentTitle={detail.title} phase={detail.phase} role={person.role} className="document-links--bar" />
          <div className="docbar__title-row">
            <h1 className="docbar__title">{detail.title}</h1>
            <PhaseBadge phase={detail.phase} />
            <DeadlineCountdown detail={detail} />
            {may(person.role, 'document.phase') && detail.phase === 'consultation' && (
              <DeadlineControl documentId={detail.id} phase={detail.phase} deadline={detail.deadline} onChanged={onPhaseChanged} />
            )}
          </div>
        </div>
        <div className="docbar__tools">
          <button type="button" ref={toggleRef} className="button outline-toggle" aria-expanded={outlineOpen} aria-controls={outlineId} onClick={onToggleOutline}>
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
              <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
            {t('doc.sections')}
          </button>
          {commentsToggle}
          <ConnectionStatus state={connection} message={connectionMessage} />
          <Presence people={people} />
          <ImportCommentsButton detail={detail} person={person} />
          {may(person.role, 'document.phase') && <PhaseControl documentId={detail.id} phase={detail.phase} onChanged={onPhaseChanged} />}
        </div>
      </div>
    </div>
  );
}
