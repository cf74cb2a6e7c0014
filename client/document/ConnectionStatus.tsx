/** Whether typing is reaching the others: a word and a colour, announced politely when it changes. */
import type { ConnectionState } from '../editor/useCollab.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

export function ConnectionStatus({ state, message }: { state: ConnectionState; message: string | null }) {
  const t = useT();
  const label = t(`connection.${state}`);
  const detail = t(`connection.${state}Detail`);
  return (
    <output className={`connection connection--${state}`} aria-live="polite" data-testid="connection-status" data-state={state} title={message ?? detail}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{label}</span>
      <span className="visually-hidden">. {message ?? detail}</span>
    </output>
  );
}
