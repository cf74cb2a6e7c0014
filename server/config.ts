/**
 * Configuration, read from the environment once and validated. Nothing else reads process.env.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../shared/timeZone.ts';
import { z } from 'zod';
import { CRASH_POINTS, type CrashPoint } from './mail/crashPoint.ts';

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
  /** postgres://… : all state in PostgreSQL instead of DATA_DIR (docs/SCALING.md). Unset: lowdb. */
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || /^postgres(ql)?:\/\/./.test(value), 'DATABASE_URL must start with postgres:// or postgresql://'),
  /** A schema of its own in that database instead of `public` (several deployments in one database). */
  DATABASE_SCHEMA: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || /^[a-z_][a-z0-9_]{0,62}$/.test(value), 'DATABASE_SCHEMA must be lower-case letters, digits and _'),
  /** redis://… : several processes on one DATABASE_URL serve the same documents (docs/SCALING.md). */
  REDIS_URL: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || /^rediss?:\/\/./.test(value), 'REDIS_URL must start with redis:// or rediss://'),
  /** Prefix of every Redis channel and key; unset: accord:<DATABASE_SCHEMA or public>: */
  REDIS_PREFIX: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || /^[A-Za-z0-9_:.-]{1,100}$/.test(value), 'REDIS_PREFIX must be letters, digits and _ : . -'),
  SEED_DIR: z.string().min(1).default('./docs-seed'),
  CLIENT_DIR: z.string().min(1).default('./client/dist'),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(60 * 24 * 14),
  /**
   * Which proxies' X-Forwarded-For names the client (http/clientAddress.ts): a number of hops in front
   * of every process, or the proxies' addresses and subnets, comma-separated. Unset: none, the TCP
   * peer is the client (a load balancer's clients then share one sign-in failure budget).
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const problem = value === undefined ? null : trustProxyProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
      return parseTrustProxy(value);
    }),
  /** Failed sign-in attempts allowed per client address per minute. */
  SIGNIN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  /** smtp://user:pass@host:587 or smtps://… ; without it, messages are written to DATA_DIR/outbox/. */
  SMTP_URL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const problem = smtpUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
      return value;
    }),
  /** The sender of every message: an address, or "Name <address>". */
  MAIL_FROM: z
    .string()
    .optional()
    .refine((value) => !value || /^[^\r\n<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(value.trim()), 'MAIL_FROM must be an address, or "Name <address>"'),
  /** Hours before a deadline at which reminders go out, comma-separated. */
  MAIL_REMINDER_HOURS: z
    .string()
    .default('72,24')
    .refine((value) => value.split(',').every((h) => /^\s*\d{1,4}\s*$/.test(h) && Number(h) > 0), 'MAIL_REMINDER_HOURS must be whole hours, e.g. 72,24'),
  /** The deployment's time zone: deadlines are set and shown in it (an IANA name such as Europe/Paris). */
  TIME_ZONE: z.string().default(DEFAULT_TIME_ZONE).refine(isTimeZone, 'TIME_ZONE must be an IANA time zone such as Europe/Paris or UTC'),
  /** The time zone in which e-mails state deadlines; unset: TIME_ZONE. */
  MAIL_TIME_ZONE: z.string().optional().refine((zone) => zone === undefined || isTimeZone(zone), 'MAIL_TIME_ZONE must be an IANA time zone such as Europe/Paris or UTC'),
  /** The hour (UTC, 0–23) at which daily digests are sent. */
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** Tests only: kill the process with SIGKILL at this moment of the mail path (mail/crashPoint.ts). */
  ACCORD_TEST_CRASH_AT: z.enum(CRASH_POINTS).optional(),
});

/** The proxies whose X-Forwarded-For is believed: `hops` in front of every process, or those at `proxies` (addresses or subnets). */
export type TrustProxy = { hops: number } | { proxies: string[] } | null;

const OFF = new Set(['', '0', 'false', 'off', 'no']);
const MAX_HOPS = 10;

function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim().toLowerCase() ?? '';
  if (OFF.has(text)) return null;
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  return { proxies: text.split(',').map((p) => p.trim()).filter(Boolean) };
}

function trustProxyProblem(value: string): string | null {
  const trust = parseTrustProxy(value);
  if (trust === null) return null;
  if ('hops' in trust) return trust.hops <= MAX_HOPS ? null : `TRUST_PROXY: at most ${MAX_HOPS} hops`;
  const bad = trust.proxies.filter((entry) => {
    const [address = '', prefix, extra] = entry.split('/');
    const version = isIP(address);
    if (version === 0 || extra !== undefined) return true;
    return prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
  });
  return bad.length ? `TRUST_PROXY must be a number of proxy hops, or proxy addresses and subnets separated by commas (e.g. 10.0.0.5, 10.1.0.0/16); not an address: ${bad.join(', ')}` : null;
}

/** Why an SMTP_URL cannot be used, or null; checked at start so a typo never waits for the first message. */
function smtpUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'SMTP_URL is not a URL; expected smtp://user:pass@host:587 or smtps://user:pass@host:465';
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return `SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`;
  if (!url.hostname) return 'SMTP_URL has no host';
  if (url.port && (Number(url.port) < 1 || Number(url.port) > 65535)) return 'SMTP_URL has an invalid port';
  return null;
}

export interface MailConfig {
  /** Undefined: write each message to DATA_DIR/outbox/ as an .eml file instead of sending it. */
  smtpUrl: string | undefined;
  from: string;
  reminderHours: number[];
  digestHourUtc: number;
  timeZone: string;
  /** First retry after a temporary failure; each further one waits twice as long. */
  retryBaseMs: number;
  maxAttempts: number;
  /** Connection, greeting and socket time-outs, so a hanging SMTP server never holds a message for long. */
  smtpTimeoutMs: number;
  /** How often the sender looks for due messages and the scheduler for due reminders and digests. */
  tickMs: number;
  /** Tests only (ACCORD_TEST_CRASH_AT): where the kill -9 tests stop the process. */
  crashAt?: CrashPoint;
}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** Set: every record lives in this PostgreSQL database; DATA_DIR then holds only the e-mail outbox. */
  databaseUrl?: string;
  /** A schema of its own in that database instead of `public` (DATABASE_SCHEMA; tests give each server one). */
  databaseSchema?: string;
  /** Set (only with databaseUrl): live state is relayed between processes through this Redis. */
  redisUrl?: string;
  /** Prefix of every Redis channel and key of this deployment. */
  redisPrefix: string;
  adminToken: string | undefined;
  publicUrl: string | undefined;
  seedDir: string;
  clientDir: string;
  sessionIdleMs: number;
  /** The deployment's time zone (IANA name): deadlines are chosen and shown in it. */
  timeZone: string;
  signInLimitPerMinute: number;
  /** Whose X-Forwarded-For names the client (TRUST_PROXY); null: the TCP peer is the client. */
  trustProxy: TrustProxy;
  /** How often sockets are pinged and their sessions re-checked (tests shorten it). */
  heartbeatMs: number;
  /** How long a document nobody uses stays in memory; unset: ROOM_GRACE_MS (collab/rooms.ts). Tests shorten it. */
  roomGraceMs?: number;
  /** How often a document whose log could not be written tries again; unset: STORAGE_RETRY_MS. */
  storageRetryMs?: number;
  /** What one socket may leave unread before it is dropped; unset: MAX_SEND_BACKLOG_BYTES (shared/limits.ts). Tests lower it. */
  sendBacklogLimitBytes?: number;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  mail: MailConfig;
  /** The time, for the mail scheduler; tests inject a fake clock here. */
  clock: () => Date;
}

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>, overrides: Partial<Config> = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL) {
    // Each process would keep its own lowdb files, and Redis would relay between divergent stores.
    throw new ConfigError('REDIS_URL needs DATABASE_URL: several processes can only share documents kept in PostgreSQL. Set DATABASE_URL too, or unset REDIS_URL to run one process on DATA_DIR.');
  }
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX ?? `accord:${e.DATABASE_SCHEMA ?? 'public'}:`,
    adminToken: e.ADMIN_TOKEN,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    seedDir: path.resolve(e.SEED_DIR),
    clientDir: path.resolve(e.CLIENT_DIR),
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    timeZone: e.TIME_ZONE,
    signInLimitPerMinute: e.SIGNIN_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    heartbeatMs: 30_000,
    logLevel: e.LOG_LEVEL,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM?.trim() || 'Accord <accord@localhost>',
      reminderHours: [...new Set(e.MAIL_REMINDER_HOURS.split(',').map(Number))].toSorted((a, b) => b - a),
      digestHourUtc: e.MAIL_DIGEST_HOUR,
      timeZone: e.MAIL_TIME_ZONE ?? e.TIME_ZONE,
      retryBaseMs: 30_000,
      maxAttempts: 12,
      smtpTimeoutMs: 20_000,
      tickMs: 15_000,
      ...(e.ACCORD_TEST_CRASH_AT ? { crashAt: e.ACCORD_TEST_CRASH_AT } : {}),
    },
    clock: () => new Date(),
    ...overrides,
  };
}
