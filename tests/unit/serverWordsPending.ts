/**
 * Server files whose refusals are still built in English with no catalogue entry
 * (serverWords.test.ts), each with how many. The counts only shrink: word a refusal, lower its count;
 * at zero, remove the file.
 */
export const PENDING = new Map<string, number>([]);
