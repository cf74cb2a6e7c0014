/** Reads the sign-in token out of whatever was pasted: a whole invitation link or the bare token. */

export function tokenFromInput(input: string): string {
  const text = input.trim();
  const fromLink = /\/join\/([^/?#\s]+)/.exec(text)?.[1];
  if (!fromLink) return text;
  try {
    return decodeURIComponent(fromLink);
  } catch {
    return fromLink;
  }
}
