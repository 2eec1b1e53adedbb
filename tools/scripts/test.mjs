/**
 * `npm test`: the same preparation as `npm start`, then every check: format,
 * lint, types, unit tests, build, integration tests against the real
 * PostgreSQL and Redis, and the browser journeys. Stops at the first failure.
 */
import { ensureChromium, ensurePoppler } from './lib/debian-tool.mjs';
import { checkNode, ensureInstalled } from './lib/install.mjs';
import { fail, ok, step } from './lib/log.mjs';
import { run } from './lib/run.mjs';

checkNode();
await ensureInstalled();
const { ensureServices } = await import('./lib/services.mjs');
let services;
let chromium;
try {
  services = await ensureServices();
  chromium = await ensureChromium();
  await ensurePoppler();
} catch (e) {
  fail(e.message);
}

const env = {
  ...process.env,
  // Integration tests create their own databases next to the demo one, never inside it.
  TEST_DATABASE_URL: services.DATABASE_URL,
  TEST_REDIS_URL: services.REDIS_URL,
  DATABASE_URL: services.DATABASE_URL,
  REDIS_URL: services.REDIS_URL,
  CHROMIUM_PATH: chromium,
  NX_TUI: 'false',
};
const nx = (...args) => ['nx', ...args, '--outputStyle=stream'];
const stages = [
  ['Formatting (prettier)', ['prettier', '--check', '.']],
  ['Lint (type-aware ESLint, module boundaries)', nx('run-many', '-t', 'lint')],
  ['Type check (sources and specs)', nx('run-many', '-t', 'typecheck')],
  ['Unit tests', nx('run-many', '-t', 'test')],
  ['Build', nx('run-many', '-t', 'build', '-p', 'api', 'worker', 'web')],
  [
    'Integration tests (real PostgreSQL and Redis)',
    nx('run-many', '-t', 'integration', '--parallel=1'),
  ],
  ['Browser journeys (Playwright, Chromium)', nx('e2e', 'web-e2e')],
];

const started = Date.now();
for (const [title, args] of stages) {
  step(title);
  const t0 = Date.now();
  const { code } = await run('npx', args, { env: { ...env, E2E_SKIP_BUILD: '1' } });
  if (code !== 0) {
    fail(`${title} failed (exit ${code}). Fix it and run npm test again.`);
  }
  ok(`${title} (${Math.round((Date.now() - t0) / 1000)} s)`);
}
console.log(`\nAll stages passed in ${Math.round((Date.now() - started) / 1000)} s.`);
