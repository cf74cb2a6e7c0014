/**
 * Vitest global setup of the integration project. With ACCORD_TEST_STORE=pg, the run gets a database
 * of its own (created here, dropped at the end); every test server then takes a schema of its own in
 * it (testServer.ts). Without it, nothing happens: the tests run on lowdb.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's own database, when the suite runs against PostgreSQL; '' otherwise. */
    accordDatabaseUrl: string;
  }
}

/** Where the tests find PostgreSQL: DATABASE_URL, or the standard local port. */
export const baseDatabaseUrl = () => process.env.DATABASE_URL || 'postgres://127.0.0.1:5432/postgres';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  project.provide('accordDatabaseUrl', '');
  if (process.env.ACCORD_TEST_STORE !== 'pg') return;
  const base = baseDatabaseUrl();
  const name = `accord_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  project.provide('accordDatabaseUrl', withDatabase(base, name));
  return async () => {
    const dropper = postgres(base, { max: 1, onnotice: () => {} });
    await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
}
