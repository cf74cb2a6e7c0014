/** Presence colours: one per person, the same on every screen, so the server and the client agree. */
const PALETTE = ['#b3261e', '#1d6b3a', '#1a5fb4', '#8a3ffc', '#b35c00', '#00727a', '#a3246b', '#5b6300'];

export function colorFor(personId: string): string {
  let hash = 0;
  for (const ch of personId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#1a5fb4';
}
