/**
 * Same-origin test for cookie-authenticated writes and socket upgrades. Browsers always send Origin
 * on cross-site requests and WebSocket handshakes; a request with no Origin comes from a non-browser
 * client, which holds the cookie itself and cannot be tricked into using someone else's.
 */
export function isForeignOrigin(origin: string | undefined, host: string | undefined, publicUrl: string | undefined): boolean {
  if (!origin) return false;
  if (origin === 'null') return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return true;
  }
  if (publicUrl && parsed.origin === new URL(publicUrl).origin) return false;
  return !host || parsed.host !== host;
}
