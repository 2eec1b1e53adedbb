/**
 * `npm run seed:large [-- --database siantar_large] [--scale 1] [--yes]`: builds the api's cli and
 * generates the large-province dataset (100,000 ASN, 2,000 courses, 1,000,000 enrolments,
 * 5,000,000 progress events, about a million ledger entries at scale 1) in its own database on
 * the server of DATABASE_URL (or the local default). `--scale 0.01` makes a quick small one;
 * `--yes` drops and rebuilds a database that already exists. The work is done by
 * `node dist/apps/api/cli.js seed-large` (apps/api/src/cli/seed-large.ts).
 */
import { checkNode, ensureInstalled } from './lib/install.mjs';
import { fail, step } from './lib/log.mjs';
import { DIST } from './lib/paths.mjs';
import { must } from './lib/run.mjs';
import { localSecret } from './lib/stack.mjs';

const USAGE = 'usage: npm run seed:large -- [--database siantar_large] [--scale 1] [--yes]';

function parse(argv) {
  const o = { database: 'siantar_large', pass: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--database') o.database = argv[++i];
    else if (a.startsWith('--database=')) o.database = a.slice('--database='.length);
    else if (a === '--scale') o.pass.push('--scale', argv[++i]);
    else if (a.startsWith('--scale=') || a === '--yes' || a === '-y') o.pass.push(a);
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown argument "${a}"\n${USAGE}`);
  }
  if (!/^[a-z_][a-z0-9_]*$/.test(o.database ?? ''))
    fail(`--database must be a plain name\n${USAGE}`);
  return o;
}

const opts = parse(process.argv.slice(2));
checkNode();
await ensureInstalled();
const { ensureServices, withDatabase } = await import('./lib/services.mjs');
let services;
try {
  services = await ensureServices();
} catch (e) {
  fail(e.message);
}
await must('npx', ['nx', 'build', 'api', '--outputStyle=static']);
const DATABASE_URL = withDatabase(services.DATABASE_URL, opts.database);
step(`Large dataset in ${opts.database}`);
await must(process.execPath, [DIST.cli, 'seed-large', ...opts.pass], {
  env: {
    ...process.env,
    ...services,
    DATABASE_URL,
    JWT_SECRET: process.env.JWT_SECRET ?? localSecret(),
  },
});
