/** What a page shows when its data could not be loaded: the role message for a 403, else the server's words and a retry. */
import { Link } from '../router.tsx';
import type { LoadFailure } from './useResource.ts';

export const FORBIDDEN_MESSAGE = 'Your role does not give access to this page.';

export function Forbidden() {
  return (
    <div className="notice notice--error" role="alert" data-testid="forbidden">
      <p>
        <strong>{FORBIDDEN_MESSAGE}</strong>
      </p>
      <p>
        If you think you need it, ask the Secretariat. <Link href="/">Go to the list of documents</Link>
      </p>
    </div>
  );
}

export function LoadError({ failure, onRetry }: { failure: LoadFailure; onRetry: () => void }) {
  if (failure.forbidden) return <Forbidden />;
  return (
    <div className="notice notice--error" role="alert">
      <p>{failure.message}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
