import { existsSync } from 'node:fs';
import { info, ok, step } from './log.mjs';
import { commandExists, run } from './run.mjs';

/**
 * A program the tests need from Debian's packages (never a downloaded build): found at `path`,
 * else installed with apt-get when running as root on Debian/Ubuntu, else a message that says
 * what to install.
 */
export async function ensureDebianTool({ title, path, pkg, hint }) {
  step(title);
  if (existsSync(path)) {
    ok(path);
    return path;
  }
  if (process.getuid?.() === 0 && commandExists('apt-get')) {
    info(`installing Debian package ${pkg}`);
    await run('apt-get', ['update', '-qq'], { quiet: true });
    const r = await run('apt-get', ['install', '-y', '-qq', pkg], {
      quiet: true,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.code === 0 && existsSync(path)) {
      ok(path);
      return path;
    }
    throw new Error(`apt-get install ${pkg} failed:\n${r.out.slice(-1500)}`);
  }
  throw new Error(`${path} not found. ${hint}`);
}

/** Browser tests use Debian's Chromium. */
export const ensureChromium = () => {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return ensureDebianTool({
    title: 'Chromium for the browser journeys',
    path,
    pkg: 'chromium',
    hint: `Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium/Chrome binary, then run npm test again.`,
  });
};

/** Certificate tests read PDFs back with poppler's pdftotext and pdfimages. */
export const ensurePoppler = () =>
  ensureDebianTool({
    title: 'Poppler (pdftotext, pdfimages) to read certificates back',
    path: '/usr/bin/pdftotext',
    pkg: 'poppler-utils',
    hint: 'Install it (Debian/Ubuntu: sudo apt-get install poppler-utils), then run npm test again.',
  });
