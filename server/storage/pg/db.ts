/**
 * The PostgreSQL connection pool and the schema: connects (optionally inside a schema of its own, as
 * the tests do), and brings the schema up to date under an advisory lock, so that several processes
 * starting at once apply each migration exactly once. Also the one place where the client's errors
 * are sorted: a lost or refused connection becomes StorageUnavailableError (by its code, never its
 * message), which the web layer answers with 503 `storage_unavailable`.
 */
import postgres from 'postgres';
import { StorageUnavailableError } from '../errors.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

export type Sql = postgres.Sql;
export type Tx = postgres.TransactionSql;

/** Any number fixed for Accord: pg_advisory_xact_lock(key) serialises migrations across processes. */
const MIGRATION_LOCK = 4_173_512_001;

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  // admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  // Class 08: connection exception.
  return CONNECTION_CODES.has(code) || code.startsWith('08');
}

export function storageError(error: unknown): unknown {
  if (error instanceof StorageUnavailableError || !isConnectionError(error)) return error;
  const code = (error as { code: string }).code;
  return new StorageUnavailableError(`The database cannot be reached (${code})`, { cause: error });
}

/**
 * The repository with every promise-returning method made to reject with StorageUnavailableError when
 * the database is out of reach; other errors (a refusal thrown by a change) pass as they are.
 */
export function guarded<T extends object>(repo: T): T {
  const out = {} as Record<string, unknown>;
  for (const [name, value] of Object.entries(repo)) {
    if (typeof value !== 'function') {
      out[name] = value;
      continue;
    }
    out[name] = (...args: unknown[]) => {
      const result: unknown = value.apply(repo, args);
      return result instanceof Promise
        ? result.catch((error: unknown) => {
            throw storageError(error);
          })
        : result;
    };
  }
  return out as T;
}

export interface Database {
  sql: Sql;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A schema of its own (created when missing) instead of `public`: one per test server. */
  schema?: string;
  /** Connections in the pool. */
  max?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function connect(url: string, options: ConnectOptions = {}): Promise<Database> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`Refusing schema name ${JSON.stringify(schema)}`);
  const common = { max: options.max ?? 10, onnotice: () => {}, connect_timeout: 10, idle_timeout: 60 } as const;
  if (schema) {
    const admin = postgres(url, { ...common, max: 1 });
    try {
      await admin.unsafe(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } catch (error) {
      throw storageError(error);
    } finally {
      await admin.end({ timeout: 5 });
    }
  }
  const sql = postgres(url, schema ? { ...common, connection: { search_path: schema } } : common);
  return { sql, close: () => sql.end({ timeout: 5 }) };
}

/**
 * Applies the migrations not yet applied, in order, in one transaction holding the advisory lock: a
 * second process starting at the same moment waits, then finds them applied. `upTo` stops early
 * (tests of an upgrade from an earlier schema). Resolves with the versions applied now.
 */
export async function migrate(sql: Sql, upTo?: number, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  try {
    return await sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK}::bigint)`;
      await tx`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;
      const done = new Set((await tx<Array<{ version: number }>>`SELECT version FROM schema_migrations`).map((r) => r.version));
      const newest = Math.max(0, ...done);
      const known = Math.max(0, ...migrations.map((m) => m.version));
      if (newest > known) throw new Error(`The database's schema is version ${newest}, written by a later release of Accord; this one knows up to ${known}. Nothing was changed.`);
      const applied: number[] = [];
      for (const migration of migrations) {
        if (done.has(migration.version) || (upTo !== undefined && migration.version > upTo)) continue;
        await tx.unsafe(migration.sql);
        await tx`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`;
        applied.push(migration.version);
      }
      return applied;
    });
  } catch (error) {
    throw storageError(error);
  }
}
