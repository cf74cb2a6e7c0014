/**
 * `npm run test:pg`, the last step of `npm test`: the integration suite once more, against
 * PostgreSQL (ACCORD_TEST_STORE=pg), found at DATABASE_URL or else the standard local port. Where no
 * PostgreSQL answers, it says so in one line and passes: the embedded store needs none.
 */
import { spawn } from 'node:child_process';
import postgres from 'postgres';

const url = process.env.DATABASE_URL || 'postgres://127.0.0.1:5432/postgres';
const where = (() => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}`;
})();

const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
let answered = false;
try {
  await sql`SELECT 1`;
  answered = true;
} catch {
  // Reported below, in one line.
} finally {
  await sql.end({ timeout: 1 }).catch(() => {});
}

if (!answered) {
  console.log(`PostgreSQL did not answer at ${where}: the integration suite did not run against PostgreSQL (set DATABASE_URL to run it).`);
  process.exit(0);
}
console.log(`Integration suite against PostgreSQL at ${where}`);
const child = spawn('npx', ['vitest', 'run', '--project', 'integration', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ACCORD_TEST_STORE: 'pg', DATABASE_URL: url },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
