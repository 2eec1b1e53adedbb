import { DataSource } from 'typeorm';
import { dataSourceOptions, type DatabaseSettings } from './data-source-options';

/** Creates the database when it is missing (local development and tests), then runs every pending migration. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const ds = new DataSource({ type: 'postgres', url: admin.toString() });
  await ds.initialize();
  try {
    const rows: unknown[] = await ds.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) {
      await ds.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await ds.destroy();
  }
}

export async function runMigrations(
  settings: DatabaseSettings,
  log: (line: string) => void = () => undefined,
): Promise<string[]> {
  // Migrations always go to the primary.
  const ds = new DataSource(dataSourceOptions({ ...settings, DATABASE_REPLICA_URLS: [] }));
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    for (const m of done) log(`migrated: ${m.name}`);
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
