/**
 * `npm start`: installs what is missing, finds or provisions PostgreSQL and
 * Redis, builds, migrates, seeds the demo and serves everything on :3000.
 */
import { checkNode, ensureInstalled } from './lib/install.mjs';
import { fail, ok, step } from './lib/log.mjs';
import { buildAll, localSecret, migrateAndSeed, startStack } from './lib/stack.mjs';

checkNode();
await ensureInstalled();
const { ensureServices } = await import('./lib/services.mjs');
let services;
try {
  services = await ensureServices();
} catch (e) {
  fail(e.message);
}

const port = process.env.PORT ?? '3000';
const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: port,
  PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
  JWT_SECRET: process.env.JWT_SECRET ?? localSecret(),
  ...services,
};

if (!process.env.SMTP_URL) {
  const { startMailCatcher } = await import('./mail-catcher.mjs');
  try {
    await startMailCatcher(1025);
    env.SMTP_URL = 'smtp://127.0.0.1:1025';
  } catch {
    // Port 1025 is taken: most likely docker compose's mailpit, which catches mail too.
    env.SMTP_URL = 'smtp://127.0.0.1:1025';
  }
}

await buildAll();
await migrateAndSeed(env);
step('Starting worker and api');
try {
  await startStack(env);
} catch (e) {
  fail(e.message);
}
ok(`Siantar Belajar is running: http://localhost:${port}`);
console.log(`
  Demo accounts (password: siantar-demo)
    admin@siantar.test     admin, BKPSDM (whole city)
    pelatih@siantar.test   trainer
    asn@siantar.test       learner at Disdukcapil (supervisor: atasan@siantar.test)
    atasan@siantar.test    supervisor
    mitra@siantar.test     partner (Universitas Siantar Raya)

  API docs: http://localhost:${port}/api/docs · Mail sent by the system is printed here.
  Stop with Ctrl+C.
`);
