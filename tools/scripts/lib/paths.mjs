import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const TMP = join(ROOT, 'tmp');
export const DIST = {
  api: join(ROOT, 'dist/apps/api/main.js'),
  cli: join(ROOT, 'dist/apps/api/cli.js'),
  worker: join(ROOT, 'dist/apps/worker/main.js'),
  web: join(ROOT, 'dist/apps/web/browser'),
};
