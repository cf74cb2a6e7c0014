/** How dates and names are written for people: British English, day month year, in the reader's own time zone. */

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

export interface DeadlineText {
  text: string;
  passed: boolean;
  iso: string;
}

export function formatDeadline(iso: string | null, now = Date.now()): DeadlineText | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return { text: `${dateFormat.format(date)}, ${timeFormat.format(date)}`, passed: date.getTime() < now, iso };
}

/** Two letters for an avatar: first and last word of the name. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
