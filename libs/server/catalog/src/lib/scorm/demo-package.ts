import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ZipFile } from 'yazl';

const DEMO_DIR = join('tools', 'scorm-demo');
/** Files of the folder that are documentation, not package content. */
const EXCLUDED = new Set(['README.md']);
/** A fixed date so that the same sources always give the same zip. */
const MTIME = new Date('2025-01-01T00:00:00Z');

/** Finds tools/scorm-demo: SCORM_DEMO_DIR, then upwards from this file and from the working directory. */
export function findDemoDir(): string {
  const fromEnv = process.env['SCORM_DEMO_DIR'];
  if (fromEnv && existsSync(join(fromEnv, 'imsmanifest.xml'))) return resolve(fromEnv);
  for (const start of [__dirname, process.cwd()]) {
    let dir = resolve(start);
    for (;;) {
      const candidate = join(dir, DEMO_DIR);
      if (existsSync(join(candidate, 'imsmanifest.xml'))) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(
    `Demo SCORM sources not found: expected ${DEMO_DIR}/imsmanifest.xml above ${__dirname} or ${process.cwd()} (or set SCORM_DEMO_DIR).`,
  );
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(root, full)));
    else if (e.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
  return out.sort();
}

/**
 * The demo SCORM 1.2 package "Simulasi Loket Disdukcapil" as a zip, built
 * from the sources in tools/scorm-demo/ (imsmanifest.xml at the root).
 */
export async function buildDemoScormZip(dir: string = findDemoDir()): Promise<Buffer> {
  const zip = new ZipFile();
  for (const path of await listFiles(dir)) {
    if (EXCLUDED.has(path)) continue;
    zip.addBuffer(await readFile(join(dir, path)), path, { mtime: MTIME, mode: 0o100644 });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
