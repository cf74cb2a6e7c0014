/**
 * The render worker is warmed on demand only in the server (rendererIdle), so that the CLI and tests
 * never pay for a warm-up they do not use, and the server warms it once per worker.
 */
import { describe, expect, it, vi } from 'vitest';
import { rendererIdle, rendererState, warmRenderer } from '../../server/report/offThread.ts';

describe('warming the render worker', () => {
  it('does nothing outside the server, then warms once when the server asks', async () => {
    await warmRenderer();
    expect(rendererState()).toEqual({ running: false, warmed: false });

    rendererIdle(60_000);
    await warmRenderer();
    expect(rendererState()).toEqual({ running: true, warmed: true });
    // A second page opening finds it warm and starts nothing new.
    const again = performance.now();
    await warmRenderer();
    expect(performance.now() - again).toBeLessThan(50);
    expect(rendererState()).toEqual({ running: true, warmed: true });
    rendererIdle(1);
  }, 60_000);

  it('goes back to the default: an idle worker stops at the new length, and nothing is warmed', async () => {
    rendererIdle(60_000);
    await warmRenderer();
    expect(rendererState().running).toBe(true);
    rendererIdle(10, false);
    await vi.waitFor(() => expect(rendererState().running).toBe(false), { timeout: 5000 });
    await warmRenderer();
    expect(rendererState()).toEqual({ running: false, warmed: false });
  }, 60_000);
});
