import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, step } from './log.mjs';
import { ROOT } from './paths.mjs';
import { must } from './run.mjs';

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(
      `Node.js ${process.versions.node} is too old: install Node.js 20.19 or newer (e.g. from nodejs.org or nvm), then run this again.`,
    );
  }
}

/** `npm ci` when node_modules is missing or older than the lockfile. */
export async function ensureInstalled() {
  step('Dependencies');
  const marker = join(ROOT, 'node_modules/.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) {
    ok('node_modules is up to date');
    return;
  }
  await must('npm', ['ci', '--no-audit', '--no-fund']);
  ok('installed');
}
