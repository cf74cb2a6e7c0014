/** Dates and times in the style of the rest of Accord (client/format.ts): British English, the reader's own time zone. */
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "3 March 2026, 14:05" */
export function formatDateTime(iso: string): string {
  const date = parse(iso);
  return date ? `${dateFormat.format(date)}, ${timeFormat.format(date)}` : iso;
}

/** "3 March 2026" */
export function formatDate(iso: string): string {
  const date = parse(iso);
  return date ? dateFormat.format(date) : iso;
}

/** "14:05" */
export function formatTime(iso: string): string {
  const date = parse(iso);
  return date ? timeFormat.format(date) : '';
}
