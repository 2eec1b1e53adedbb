// PostgreSQL statistics used to count the database round trips a server makes per request.
import pg from 'pg';

/**
 * Committed transactions of the database of `url` so far (pg_stat_database.xact_commit).
 * Each statement outside an explicit transaction is one. A backend reports its counts when it
 * exits at the latest, so read this before a server starts and after it has stopped
 * (this waits up to 5 s for the database's client backends to be gone).
 * Read from the `postgres` database so that this connection doesn't count itself.
 */
export async function committedTransactions(/** @type {string} */ url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    // Backends report on exit, which lags the client's disconnect a little: wait for them to go.
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND backend_type = $2',
        [name, 'client backend'],
      );
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query(
      'SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = $1',
      [name],
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
