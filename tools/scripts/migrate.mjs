/** `npm run migrate`: builds the api's cli and applies pending migrations to DATABASE_URL (or the local default). */
import { checkNode, ensureInstalled } from './lib/install.mjs';
import { fail } from './lib/log.mjs';
import { must } from './lib/run.mjs';
import { localSecret, migrateAndSeed } from './lib/stack.mjs';

checkNode();
await ensureInstalled();
const { ensureServices } = await import('./lib/services.mjs');
let services;
try {
  services = await ensureServices();
} catch (e) {
  fail(e.message);
}
await must('npx', ['nx', 'build', 'api', '--outputStyle=static']);
await migrateAndSeed(
  { ...process.env, JWT_SECRET: process.env.JWT_SECRET ?? localSecret(), ...services },
  { seed: process.argv.includes('--seed') },
);
