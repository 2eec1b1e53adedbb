import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok, step } from './log.mjs';
import { DIST, ROOT, TMP } from './paths.mjs';
import { must } from './run.mjs';

/** A JWT secret kept across restarts so that sessions survive `npm start` twice. */
export function localSecret(name = 'jwt-secret') {
  const file = join(TMP, name);
  if (!existsSync(file)) {
    mkdirSync(TMP, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export async function buildAll() {
  step('Build (api, worker, web)');
  await must('npx', [
    'nx',
    'run-many',
    '-t',
    'build',
    '-p',
    'api',
    'worker',
    'web',
    '--outputStyle=static',
  ]);
  ok('built');
}

export async function migrateAndSeed(env, { seed = true } = {}) {
  step('Database schema and demo data');
  await must(process.execPath, [DIST.cli, 'migrate'], { env });
  if (seed) await must(process.execPath, [DIST.cli, 'seed'], { env });
  ok(seed ? 'migrated and seeded' : 'migrated');
}

function spawnNode(name, file, env) {
  const child = spawn(process.execPath, ['--enable-source-maps', file], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.name = name;
  return child;
}

async function waitReady(port, children, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    for (const c of children) {
      if (c.exitCode !== null)
        throw new Error(`${c.name} exited with code ${c.exitCode} while starting`);
    }
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the api did not become ready on port ${port} within ${seconds} s`);
}

/**
 * Runs one worker and one api (serving the web app) as child processes, and
 * stops both when this process is asked to stop or when either dies.
 */
export async function startStack(env) {
  const children = [
    spawnNode('worker', DIST.worker, env),
    spawnNode('api', DIST.api, { ...env, WEB_DIST_DIR: DIST.web }),
  ];
  let stopping = false;
  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    setTimeout(() => process.exit(code), 5000).unref();
    Promise.all(
      children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.on('exit', r)))),
    ).then(() => process.exit(code));
  };
  for (const c of children) {
    c.on('exit', (code) => {
      if (!stopping) {
        console.error(`\n✗ ${c.name} stopped (exit ${code}); stopping the rest.`);
        stop(code || 1);
      }
    });
  }
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(0));
  process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
  await waitReady(Number(env.PORT), children);
  return { stop };
}
