/** Keeps the browser tab's title in step with the page, which is also what screen readers announce first. */
import { useEffect } from 'react';

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Accord` : 'Accord';
  }, [title]);
}
