/** A signed-in page whose content is still on its way: the banner stays, so nothing jumps. */
import { AppHeader } from './AppHeader.tsx';
import { BOOT_WAIT } from '../bootText.ts';

export function LoadingPage({ message }: { message: string }) {
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        <output className="placeholder" {...BOOT_WAIT}>{message}</output>
      </main>
    </>
  );
}
