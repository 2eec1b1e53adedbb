import { existsSync } from 'node:fs';
import { info, ok, step } from './log.mjs';
import { commandExists, run } from './run.mjs';

/** Browser tests use Debian's Chromium; install it when missing (never a downloaded browser build). */
export async function ensureChromium() {
  step('Chromium for the browser journeys');
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) {
    ok(path);
    return path;
  }
  if (process.getuid?.() === 0 && commandExists('apt-get')) {
    info('installing Debian package chromium');
    await run('apt-get', ['update', '-qq'], { quiet: true });
    const r = await run('apt-get', ['install', '-y', '-qq', 'chromium'], {
      quiet: true,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.code === 0 && existsSync(path)) {
      ok(path);
      return path;
    }
    throw new Error(`apt-get install chromium failed:\n${r.out.slice(-1500)}`);
  }
  throw new Error(
    `Chromium not found at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium/Chrome binary, then run npm test again.`,
  );
}
