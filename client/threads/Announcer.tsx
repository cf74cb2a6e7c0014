/**
 * What just happened with a comment ("Your comment was posted", "Answer saved", why a shortcut did
 * nothing), said to screen readers through a live region that is always in the page (the comments
 * drawer may be closed), and shown for a few seconds at the bottom of the screen.
 */
import { useEffect, useState } from 'react';

const SHOWN_MS = 6_000;

export interface Announcement {
  text: string;
  serial: number;
  /** False: for screen readers only (what is said is already on screen elsewhere). */
  onScreen: boolean;
}

export function Announcer({ announcement }: { announcement: Announcement }) {
  /** The message on screen now (by serial), until it times out. */
  const [shown, setShown] = useState<number | null>(null);
  const [seen, setSeen] = useState(announcement.serial);
  if (seen !== announcement.serial) {
    setSeen(announcement.serial);
    setShown(announcement.text && announcement.onScreen ? announcement.serial : null);
  }
  useEffect(() => {
    if (shown === null) return;
    const timer = window.setTimeout(() => setShown((current) => (current === shown ? null : current)), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [shown]);
  const visible = shown !== null;

  return (
    <output className={`announcer${visible ? ' announcer--visible' : ''}`} aria-live="polite" data-testid="announcement">
      {/* An invisible mark that alternates, so the same message twice is announced twice. */}
      {announcement.text + (announcement.serial % 2 ? '\u200b' : '')}
    </output>
  );
}
