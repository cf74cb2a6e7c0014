/** Whether typing is reaching the others: a word and a colour, announced politely when it changes. */
import type { ConnectionState } from '../editor/useCollab.ts';

const TEXT: Record<ConnectionState, { label: string; detail: string }> = {
  connecting: { label: 'Connecting…', detail: 'Opening the live text.' },
  connected: { label: 'Connected', detail: 'Changes are saved and shared as you type.' },
  reconnecting: { label: 'Reconnecting…', detail: 'The connection was lost. Your changes are kept and will be sent when it is back.' },
  offline: { label: 'Offline', detail: 'Your device is offline. Your changes are kept and will be sent when you are back online.' },
  closed: { label: 'Disconnected', detail: 'The connection to this document was closed.' },
};

export function ConnectionStatus({ state, message }: { state: ConnectionState; message: string | null }) {
  const { label, detail } = TEXT[state];
  return (
    <output className={`connection connection--${state}`} aria-live="polite" data-testid="connection-status" data-state={state} title={message ?? detail}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{label}</span>
      <span className="visually-hidden">. {message ?? detail}</span>
    </output>
  );
}
