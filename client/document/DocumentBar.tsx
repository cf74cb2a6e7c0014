/** The sticky bar over a document: the way back, what it is, who is here, whether we are connected. */
import type { Ref } from 'react';
import type { DocumentDetail, Person } from '../../shared/api.ts';
import { may } from '../../shared/access.ts';
import { PhaseBadge } from '../components/PhaseBadge.tsx';
import { formatDeadline } from '../format.ts';
import { Link } from '../router.tsx';
import type { ConnectionState } from '../editor/useCollab.ts';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { PhaseControl } from './PhaseControl.tsx';
import { Presence } from './Presence.tsx';
import type { PresentPerson } from './usePresence.ts';

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
}

export function DocumentBar(props: DocumentBarProps) {
  const { ref, toggleRef, detail, person, people, connection, connectionMessage, outlineId, outlineOpen, onToggleOutline, onPhaseChanged } = props;
  const deadline = detail.phase === 'consultation' ? formatDeadline(detail.deadline) : null;
  return (
    <div className="docbar" ref={ref}>
      <div className="docbar__inner">
        <div className="docbar__heading">
          <Link href="/" className="back-link">
            All documents
          </Link>
          <div className="docbar__title-row">
            <h1 className="docbar__title">{detail.title}</h1>
            <PhaseBadge phase={detail.phase} />
            {deadline && (
              <span className="docbar__deadline">
                {deadline.passed ? 'Comments closed ' : 'Comments until '}
                <time dateTime={deadline.iso}>{deadline.text}</time>
              </span>
            )}
          </div>
        </div>
        <div className="docbar__tools">
          <button type="button" ref={toggleRef} className="button outline-toggle" aria-expanded={outlineOpen} aria-controls={outlineId} onClick={onToggleOutline}>
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
              <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
            Sections
          </button>
          <ConnectionStatus state={connection} message={connectionMessage} />
          <Presence people={people} />
          {may(person.role, 'document.phase') && <PhaseControl documentId={detail.id} phase={detail.phase} onChanged={onPhaseChanged} />}
        </div>
      </div>
    </div>
  );
}
