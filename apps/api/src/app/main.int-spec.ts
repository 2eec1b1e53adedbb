import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../../../dist/apps/api/main.js');
const WORKER = join(__dirname, '../../../../dist/apps/worker/main.js');

/** The built processes, started the way production starts them (npm test builds before integration). */
describe('process start-up with bad configuration', () => {
  beforeAll(() => {
    if (!existsSync(MAIN) || !existsSync(WORKER)) {
      throw new Error('Build first: npx nx run-many -t build -p api worker');
    }
  });

  it.each([
    [MAIN, { JWT_SECRET: 'short' }, /JWT_SECRET=\(hidden\): must be at least 32 characters/],
    [MAIN, { JWT_SECRET: 'x'.repeat(40), PORT: 'eighty' }, /PORT="eighty"/],
    [
      WORKER,
      { JWT_SECRET: 'x'.repeat(40), REDIS_URL: 'localhost:6379' },
      /REDIS_URL="localhost:6379": must be a redis:\/\//,
    ],
  ])('%s refuses to start, naming the bad variable', (entry, env, message) => {
    const run = spawnSync(process.execPath, [entry], {
      env: { PATH: process.env['PATH'], ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Invalid configuration/);
    expect(run.stderr).toMatch(message);
  });
});
