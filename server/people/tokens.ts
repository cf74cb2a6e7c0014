/** Secrets: 256 random bits, handed out once, stored only as a sha256. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newSecret = (): string => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');
export const newId = (): string => randomUUID();
