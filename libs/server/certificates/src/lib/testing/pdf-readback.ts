import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const run = promisify(execFile);

/** The text of a PDF as poppler's pdftotext reads it (layout kept, so table rows stay on one line). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sb-cert-text-'));
  try {
    await writeFile(join(dir, 'c.pdf'), pdf);
    await run('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'c.pdf'), join(dir, 'c.txt')]);
    return await readFile(join(dir, 'c.txt'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every QR code found in the PDF's images (pdfimages -png, decoded with jsQR). */
export async function pdfQrCodes(pdf: Buffer): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'sb-cert-img-'));
  try {
    await writeFile(join(dir, 'c.pdf'), pdf);
    await run('pdfimages', ['-png', join(dir, 'c.pdf'), join(dir, 'img')]);
    const found: string[] = [];
    for (const f of (await readdir(dir)).filter((n) => n.endsWith('.png')).sort()) {
      const png = PNG.sync.read(await readFile(join(dir, f)));
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      if (code) found.push(code.data);
    }
    return found;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
