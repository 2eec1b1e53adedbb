import { Client } from 'pg';
import { TEST_DB_PREFIX, urlFor } from './test-env';

export async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: urlFor('postgres') });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(
      `Integration tests need PostgreSQL at ${urlFor('postgres')} (set TEST_DATABASE_URL to change): ${
        e instanceof Error ? e.message : String(e)
      }`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(c: Client, name: string): Promise<void> {
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Drops test databases left by runs that crashed more than an hour ago. */
export async function dropStaleDatabases(c: Client): Promise<void> {
  const cutoff = Math.floor(Date.now() / 1000) - 3600;
  const { rows } = await c.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1`,
    [`${TEST_DB_PREFIX}%`],
  );
  for (const { datname } of rows) {
    const stamp = Number(datname.slice(TEST_DB_PREFIX.length).split('_')[0]);
    if (Number.isFinite(stamp) && stamp < cutoff) await dropDatabase(c, datname);
  }
}
