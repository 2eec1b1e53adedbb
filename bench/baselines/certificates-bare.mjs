// Baseline for the certificates benchmark: the same certificate PDFs rendered by a bare script,
// so that what remains is the rendering itself (pdfkit, the QR code, the template images) and
// writing the files.
//
// It DOES: take `renderCertificatePdf` out of the built worker (dist/apps/worker/main.js, through
// lib/certificates.mjs builtRenderer: the module the worker runs, with the same pdfkit, qrcode and
// tslib from node_modules, so the same layout code path, fonts and QR encoding); read the
// certificates' stored snapshots and the template images (logo and signature, the bytes the
// worker reads from storage) from the input file CERT_BARE_INPUT before it is ready; on SIGUSR2,
// render every snapshot with its images, WORKER_CONCURRENCY renders at a time (async loops taking
// the next certificate, like the worker's job slots), and write each PDF to
// `<outDir>/<certificate id>.pdf` (fs.writeFile); print `done` when the last file is written, and
// write per-certificate timings to CERT_BARE_RESULT first.
// It does NOT: take jobs off a queue or validate payloads; read the certificate row, its snapshot
// or the template's stored_file rows from PostgreSQL per certificate (the snapshots and images are
// loaded once, up front); read the images from storage per certificate; pass the PDF through the
// CertificateSigner; hash it; write it under a temporary name and rename it; insert the
// stored_file row or update the certificate; log.
// Stays up after `done` until SIGTERM, so that the bench can read its CPU time.
// CERT_BARE_CALIBRATE=1 instead times the renderer alone (see calibrate()) and exits.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtRenderer } from '../lib/certificates.mjs';

const input =
  /** @type {{ root: string, outDir: string, images: Record<string, string>, items: { id: string, snapshot: any }[] }} */ (
    JSON.parse(readFileSync(/** @type {string} */ (process.env.CERT_BARE_INPUT), 'utf8'))
  );
const concurrency = Number(process.env.WORKER_CONCURRENCY || 4);
const { renderCertificatePdf } = builtRenderer(input.root);
/** @type {Map<string, Buffer>} */
const images = new Map(Object.entries(input.images).map(([id, path]) => [id, readFileSync(path)]));
const image = (/** @type {string | null} */ id) => (id ? (images.get(id) ?? null) : null);
await mkdir(input.outDir, { recursive: true });

async function renderAll() {
  const go = performance.now();
  /** @type {{ id: string, startMs: number, endMs: number, bytes: number }[]} */
  const timings = new Array(input.items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, input.items.length) }, async () => {
      while (next < input.items.length) {
        const i = next++;
        const { id, snapshot: s } = input.items[i];
        const startMs = performance.now() - go;
        const pdf = await renderCertificatePdf(s, {
          logo: image(s.template.logoFileId),
          signature: image(s.template.signatureFileId),
        });
        await writeFile(join(input.outDir, `${id}.pdf`), pdf);
        timings[i] = { id, startMs, endMs: performance.now() - go, bytes: pdf.length };
      }
    }),
  );
  await writeFile(
    /** @type {string} */ (process.env.CERT_BARE_RESULT),
    JSON.stringify({ ms: performance.now() - go, timings }),
  );
  console.log('done');
}

/**
 * With CERT_BARE_CALIBRATE=1 (a separate process, before the runs): CPU ms per PDF of the
 * renderer alone, one at a time, with and without the template images, after 80 unmeasured.
 */
async function calibrate() {
  const n = 40;
  const cpuPerPdf = async (/** @type {boolean} */ withImages) => {
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const s = input.items[i % input.items.length].snapshot;
      await renderCertificatePdf(
        s,
        withImages
          ? { logo: image(s.template.logoFileId), signature: image(s.template.signatureFileId) }
          : {},
      );
    }
    const used = process.cpuUsage(c0);
    return (used.user + used.system) / 1000 / n;
  };
  await cpuPerPdf(true);
  await cpuPerPdf(false);
  const images = await cpuPerPdf(true);
  const plain = await cpuPerPdf(false);
  console.log(`calibration ${JSON.stringify({ images, plain, n })}`);
}

if (process.env.CERT_BARE_CALIBRATE === '1') {
  await calibrate();
  process.exit(0);
}

process.once('SIGUSR2', () => {
  renderAll().catch((e) => {
    console.error(e);
    process.exit(1);
  });
});
// Keeps the process alive (and idle) until the bench sends SIGTERM.
setInterval(() => undefined, 1 << 30);
console.log(`ready ${input.items.length} certificates, concurrency ${concurrency}`);
