/**
 * Configuration, read from the environment once and validated. Nothing else reads process.env.
 */
import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DATA_DIR: z.string().min(1).default('./data'),
  ADMIN_TOKEN: z
    .string()
    .min(32, 'ADMIN_TOKEN must be at least 32 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The address people use to reach the server, for invitation links (defaults to http://HOST:PORT). */
  PUBLIC_URL: z.string().url().optional(),
  SEED_DIR: z.string().min(1).default('./docs-seed'),
  CLIENT_DIR: z.string().min(1).default('./client/dist'),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(60 * 24 * 14),
  /** Failed sign-in attempts allowed per client address per minute. */
  SIGNIN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
});

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  adminToken: string | undefined;
  publicUrl: string | undefined;
  seedDir: string;
  clientDir: string;
  sessionIdleMs: number;
  signInLimitPerMinute: number;
  /** How often sockets are pinged and their sessions re-checked (tests shorten it). */
  heartbeatMs: number;
  /** How long a document nobody uses stays in memory; unset: ROOM_GRACE_MS (collab/rooms.ts). Tests shorten it. */
  roomGraceMs?: number;
  /** How often a document whose log could not be written tries again; unset: STORAGE_RETRY_MS. */
  storageRetryMs?: number;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
}

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>, overrides: Partial<Config> = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    adminToken: e.ADMIN_TOKEN,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    seedDir: path.resolve(e.SEED_DIR),
    clientDir: path.resolve(e.CLIENT_DIR),
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    signInLimitPerMinute: e.SIGNIN_LIMIT_PER_MINUTE,
    heartbeatMs: 30_000,
    logLevel: e.LOG_LEVEL,
    ...overrides,
  };
}
