import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { workspaceRoot } from '@nx/devkit';
import { ZipFile } from 'yazl';

/** The shared SCORM corpus: beside the clone (../shared), as in CI. Tests only. */
export const SCORM_FIXTURES = resolve(workspaceRoot, '..', 'shared', 'fixtures', 'scorm');

export const fixture = (path: string): Buffer => readFileSync(resolve(SCORM_FIXTURES, path));

export interface TestZipEntry {
  name: string;
  data?: Buffer | string;
  /** Unix mode including the file type bits (e.g. 0o120777 for a symlink). */
  mode?: number;
  compress?: boolean;
}

/** A zip built with yazl, for tests. */
export async function buildZip(entries: TestZipEntry[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? '', 'utf8');
    zip.addBuffer(data, e.name, {
      mode: e.mode,
      compress: e.compress,
      mtime: new Date('2025-01-01T00:00:00Z'),
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Renames an entry in both the local header and the central directory, to
 * make names yazl itself refuses ('../evil.html', 'C:/x', 'a\\b'); the new
 * name must have the same length.
 */
export function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('same length only');
  const out = Buffer.from(zip);
  const a = Buffer.from(from);
  let at = out.indexOf(a);
  let n = 0;
  while (at !== -1) {
    Buffer.from(to).copy(out, at);
    n++;
    at = out.indexOf(a, at + a.length);
  }
  if (n < 2) throw new Error(`entry ${from} found ${n} times`);
  return out;
}

/** Sets general-purpose bit 0 (encrypted) on every entry. */
export function markEncrypted(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i < out.length - 4; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50) out.writeUInt16LE(out.readUInt16LE(i + 6) | 1, i + 6);
    if (sig === 0x02014b50) out.writeUInt16LE(out.readUInt16LE(i + 8) | 1, i + 8);
  }
  return out;
}

/** Files a manifest's items launch, with small HTML bodies, so the package is complete. */
export function filesFor(manifest: string): TestZipEntry[] {
  const hrefs = new Set<string>();
  for (const m of manifest.matchAll(/<resource\b[^>]*\bhref="([^"]+)"/g))
    hrefs.add(m[1].split(/[?#]/)[0]);
  return [...hrefs].map((name) => ({ name, data: `<!doctype html><title>${name}</title>` }));
}
