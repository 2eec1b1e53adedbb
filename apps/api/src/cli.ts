import 'reflect-metadata';
import { ConfigError, ensureDatabase, loadConfig, runMigrations } from '@siantar/server-core';
import { seedDemo } from './cli/demo-seed';
import { seedLarge } from './cli/seed-large';

/** `node dist/apps/api/cli.js migrate|seed`: one artifact for the server and its maintenance tasks. */
async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      await ensureDatabase(config.DATABASE_URL);
      const done = await runMigrations(config, (l) => console.log(l));
      console.log(
        done.length ? `${done.length} migration(s) applied.` : 'Database schema is up to date.',
      );
      return;
    }
    case 'seed':
      await seedDemo(config, (l) => console.log(l));
      return;
    case 'seed-large':
      await seedLarge(config, process.argv.slice(3), (l) => console.log(l));
      return;
    default:
      throw new Error(`Unknown command "${command ?? ''}". Use: migrate | seed | seed-large`);
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof ConfigError ? e.message : e);
    process.exit(1);
  },
);
