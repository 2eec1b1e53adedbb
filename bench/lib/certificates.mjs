// Building blocks of the certificates benchmark: the PDF renderer taken out of the built worker
// (so that the bare baseline runs the very code the worker runs), the template images, the bench
// course with its completed enrolments, and reading a PDF back (pdftotext, pdfimages + jsQR).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { withDb } from './setup.mjs';

const require = createRequire(import.meta.url);
const { PNG } = require('pngjs');
/** @type {(data: Uint8ClampedArray, width: number, height: number) => { data: string } | null} */
const jsQR = require('jsqr');
const run = promisify(execFile);

/** What identifies the renderer's module in the webpack bundle (certificate-pdf.ts compiled by tsc). */
const RENDERER_EXPORT = 'exports.renderCertificatePdf = renderCertificatePdf;';
const WEBPACK_SEPARATOR =
  '/************************************************************************/';

/**
 * `renderCertificatePdf` as the built worker has it: the module table of
 * dist/apps/worker/main.js (webpack 5, no minification) is evaluated, without running the
 * worker's entry point, and the module exporting `renderCertificatePdf` is required with a
 * minimal module loader; its imports (indonesian.ts, qr-png.ts, the externals pdfkit, qrcode,
 * tslib, node:zlib) come from the same table, the externals from the repository's node_modules.
 * @param {string} root
 * @returns {{ renderCertificatePdf: (s: object, images?: { logo?: Buffer | null, signature?: Buffer | null }) => Promise<Buffer>, moduleId: string, modules: string[], digest: string, file: string }}
 */
export function builtRenderer(root) {
  const file = join(root, 'dist/apps/worker/main.js');
  const src = readFileSync(file, 'utf8');
  const marker = 'var __webpack_modules__ = ';
  const start = src.indexOf(marker);
  const end = start < 0 ? -1 : src.indexOf(WEBPACK_SEPARATOR, start);
  if (start < 0 || end < 0)
    throw new Error(`${file}: no webpack module table found (the worker's build output changed)`);
  const table = src
    .slice(start + marker.length, end)
    .trim()
    .replace(/;$/, '');
  const evaluate = vm.runInThisContext(
    `(function (require, __filename, __dirname) { "use strict"; return ${table}; })`,
    { filename: file },
  );
  /** @type {Record<string, (module: { exports: any }, exports: any, req: (id: string | number) => any) => void>} */
  const modules = evaluate(createRequire(file), file, dirname(file));
  const ids = Object.keys(modules).filter(
    (id) => typeof modules[id] === 'function' && modules[id].toString().includes(RENDERER_EXPORT),
  );
  if (ids.length !== 1)
    throw new Error(
      `${file}: ${ids.length} modules export renderCertificatePdf, expected exactly one`,
    );
  /** @type {Map<string, { exports: any }>} */
  const cache = new Map();
  /** @type {string[]} */
  const loaded = [];
  const req = (/** @type {string | number} */ id) => {
    const key = String(id);
    const hit = cache.get(key);
    if (hit) return hit.exports;
    const module = { exports: {} };
    cache.set(key, module);
    loaded.push(key);
    modules[key](module, module.exports, req);
    return module.exports;
  };
  const { renderCertificatePdf } = req(ids[0]);
  const digest = createHash('sha256');
  for (const id of loaded) digest.update(modules[id].toString());
  return {
    renderCertificatePdf,
    moduleId: ids[0],
    modules: loaded,
    digest: digest.digest('hex').slice(0, 12),
    file,
  };
}

/** A deterministic pseudo-random sequence (LCG), so that the images are the same every run. */
function lcg(seed = 1) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/**
 * The template's logo: a 360×360 RGBA PNG, an emblem (gold ring, navy disc with rays, a green
 * band, a faint checked texture) on a transparent background, like an uploaded
 * city emblem with transparency.
 */
function logoPng() {
  const size = 360;
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const c = size / 2;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const dx = x - c + 0.5;
      const dy = y - c + 0.5;
      const r = Math.hypot(dx, dy);
      const a = Math.atan2(dy, dx);
      const noise = (x >> 3) % 2 === (y >> 3) % 2 ? 0 : 10;
      let rgb = [0, 0, 0];
      let alpha = 0;
      if (r < 176) {
        alpha = r > 175 ? Math.round((176 - r) * 255) : 255;
        if (r > 150) rgb = [184 + noise, 134 + noise, 11];
        else if (Math.abs(dy) < 22 && r < 150) rgb = [0, 105 + noise, 60];
        else if (Math.sin(a * 16) > 0.6 && r > 60) rgb = [214, 180 + noise, 60];
        else rgb = [31 + noise, 58 + noise, 95 + noise];
      }
      png.data[i] = Math.min(255, rgb[0]);
      png.data[i + 1] = Math.min(255, rgb[1]);
      png.data[i + 2] = Math.min(255, rgb[2]);
      png.data[i + 3] = alpha;
    }
  return PNG.sync.write(png, { colorType: 6 });
}

/**
 * The signatory's signature: a 600×200 RGBA PNG (a 10 × 3.3 cm scan at 150 dpi with the paper
 * made transparent): a few dark blue pen strokes with soft edges on a transparent background.
 */
function signaturePng() {
  const w = 600;
  const h = 200;
  const png = new PNG({ width: w, height: h, colorType: 6 });
  png.data.fill(0);
  const rnd = lcg(5);
  const strokes = Array.from({ length: 5 }, (_, k) => ({
    x0: 40 + k * 95,
    len: 140 + rnd() * 120,
    amp: 20 + rnd() * 45,
    freq: 0.02 + rnd() * 0.05,
    y0: 70 + rnd() * 60,
    tilt: (rnd() - 0.5) * 0.6,
  }));
  for (const s of strokes)
    for (let t = 0; t < s.len; t += 0.25) {
      const x = s.x0 + t;
      const y = s.y0 + s.amp * Math.sin(t * s.freq * Math.PI) + t * s.tilt;
      for (let dy = -3; dy <= 3; dy++)
        for (let dx = -3; dx <= 3; dx++) {
          const px = Math.round(x + dx);
          const py = Math.round(y + dy);
          if (px < 0 || py < 0 || px >= w || py >= h) continue;
          const d = Math.hypot(dx, dy);
          const alpha = Math.max(0, Math.min(255, Math.round((3.2 - d) * 110)));
          const i = (py * w + px) * 4;
          if (alpha > png.data[i + 3]) {
            png.data[i] = 20;
            png.data[i + 1] = 40;
            png.data[i + 2] = 120;
            png.data[i + 3] = alpha;
          }
        }
    }
  return PNG.sync.write(png, { colorType: 6 });
}

/** The two template images (same bytes every run). */
export function templateImages() {
  return { logo: logoPng(), signature: signaturePng() };
}

export const CERT_COURSE = 'SERT-BENCH';
/** The course's owner unit, which gets the bench template (a bidang of BKPSDM in the seed). */
export const CERT_ISSUER = 'BKPSDM-PK';
export const CERT_USER_PATTERN = 'sertif-%@bench.siantar.test';
const COURSE_TITLE = 'Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan';
/** Units the learners work in (seeded), so that units and OPD names vary on the certificates. */
const LEARNER_UNITS = [
  'DISDUKCAPIL-PDP',
  'BKPSDM-PK',
  'DINKES',
  'DISDIK',
  'KEC-TIMUR',
  'SETDA',
  'DISDUKCAPIL-PCS',
  'DPMPTSP',
];
const FIRST = [
  'Rahmawati',
  'Budi',
  'Sri',
  'Hotman',
  'Dewi',
  'Agus',
  'Ratna',
  'Fransiskus',
  'Nurhayati',
  'Bonar',
  'Yohana',
  'Muhammad Rizki',
  'Elisabeth',
  'Dedi',
  'Maria Magdalena',
  'Andreas',
];
const LAST = [
  'Siregar',
  'Simanjuntak',
  'Nasution',
  'Sinaga',
  'Purba',
  'Damanik',
  'Saragih',
  'Lubis',
  'Hutapea',
  'Pardede',
  'Manurung',
  'Harahap',
  'Situmorang',
];
const POSITIONS = [
  'Analis Kebijakan Ahli Pertama',
  'Pengelola Layanan Operasional',
  'Penata Layanan Operasional',
  'Analis Sumber Daya Manusia Aparatur Ahli Muda',
  'Pranata Komputer Ahli Pertama',
  'Pengadministrasi Perkantoran',
];
const RANKS = ['III/a', 'III/b', 'III/c', 'III/d', 'II/c', 'IV/a'];

/** The template the bench issuer uses (the integration test's BKPSDM template, for the bidang). */
const TEMPLATE = {
  title: 'SURAT KETERANGAN PELATIHAN',
  introText: 'Diberikan kepada:',
  issuerName:
    'Bidang Pengembangan Kompetensi, Badan Kepegawaian dan Pengembangan SDM Kota Pematangsiantar',
  place: 'Pematangsiantar',
  numberFormat: '{seq:4}/SKP/{issuer}/{year}',
  signatoryName: 'Drs. Hotman Sinaga, M.Si.',
  signatoryNip: '197003121995031002',
  signatoryPosition: 'Kepala Bidang Pengembangan Kompetensi',
};

/**
 * The bench's certificate setting, made once (idempotent) in the bench database:
 * - the two template images as `stored_file` rows (purpose `cover`, PNG, as uploaded through
 *   POST /files), their bytes written to `storageDir` under their storage keys (every run: the
 *   storage directory is a fresh temporary one);
 * - a template on BKPSDM-PK with that logo and signature;
 * - course SERT-BENCH owned by BKPSDM-PK, one published version (12 JP, teknis), archived so that
 *   no catalogue benchmark lists it;
 * - `count` PNS learners `sertif-NNNN@bench.siantar.test` (NIP, rank, position, in eight units),
 *   each with a **completed** enrolment in it, as the catalog's completion leaves it (status
 *   `completed`, `completed_at`, `passed_at`; enrolled 30 to 40 days before, completed 1 to 9
 *   days before). No lesson, progress or ledger rows: the issuer reads the enrolment only.
 * @returns {Promise<{ courseId: string, versionId: string, issuerId: string, enrolments: { enrolmentId: string, userId: string }[], images: { logo: Buffer, signature: Buffer, logoFileId: string, signatureFileId: string } }>}
 */
export async function ensureCertificateSetting(
  /** @type {string} */ url,
  /** @type {number} */ count,
  /** @type {string} */ storageDir,
) {
  const { logo, signature } = templateImages();
  return withDb(url, async (c) => {
    const unit = await c.query(`SELECT id FROM org_unit WHERE code = $1`, [CERT_ISSUER]);
    if (!unit.rows[0])
      throw new Error(`org unit ${CERT_ISSUER} not found: is the bench database seeded?`);
    const issuerId = /** @type {string} */ (unit.rows[0].id);

    /** One image file: the same row every run (certificates' snapshots name it), bytes refreshed. */
    const file = async (/** @type {string} */ filename, /** @type {Buffer} */ bytes) => {
      const sha = createHash('sha256').update(bytes).digest('hex');
      let row = (
        await c.query(
          `SELECT id, storage_key FROM stored_file WHERE filename = $1 AND purpose = 'cover' AND uploaded_by IS NULL
            ORDER BY created_at LIMIT 1`,
          [filename],
        )
      ).rows[0];
      if (!row) {
        row = (
          await c.query(
            `INSERT INTO stored_file (id, purpose, storage_key, filename, content_type, size, sha256)
             SELECT id, 'cover', 'files/' || id, $1, 'image/png', $2, $3 FROM (SELECT gen_random_uuid() AS id) x
             RETURNING id, storage_key`,
            [filename, bytes.length, sha],
          )
        ).rows[0];
      } else {
        await c.query(`UPDATE stored_file SET size = $2, sha256 = $3 WHERE id = $1`, [
          row.id,
          bytes.length,
          sha,
        ]);
      }
      const path = join(storageDir, row.storage_key);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      return /** @type {string} */ (row.id);
    };
    const logoFileId = await file('bench-sertifikat-logo.png', logo);
    const signatureFileId = await file('bench-sertifikat-ttd.png', signature);

    await c.query(
      `INSERT INTO certificate_template (org_unit_id, title, intro_text, issuer_name, place, number_format,
                                         signatory_name, signatory_nip, signatory_position, logo_file_id, signature_file_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (org_unit_id) DO UPDATE SET title = EXCLUDED.title, intro_text = EXCLUDED.intro_text,
         issuer_name = EXCLUDED.issuer_name, place = EXCLUDED.place, number_format = EXCLUDED.number_format,
         signatory_name = EXCLUDED.signatory_name, signatory_nip = EXCLUDED.signatory_nip,
         signatory_position = EXCLUDED.signatory_position, logo_file_id = EXCLUDED.logo_file_id,
         signature_file_id = EXCLUDED.signature_file_id`,
      [
        issuerId,
        TEMPLATE.title,
        TEMPLATE.introText,
        TEMPLATE.issuerName,
        TEMPLATE.place,
        TEMPLATE.numberFormat,
        TEMPLATE.signatoryName,
        TEMPLATE.signatoryNip,
        TEMPLATE.signatoryPosition,
        logoFileId,
        signatureFileId,
      ],
    );

    let course = (
      await c.query(`SELECT id, current_version_id FROM course WHERE code = $1`, [CERT_COURSE])
    ).rows[0];
    if (!course) {
      course = (
        await c.query(
          `INSERT INTO course (code, owner_org_unit_id, archived_at) VALUES ($1, $2, now())
           RETURNING id, current_version_id`,
          [CERT_COURSE, issuerId],
        )
      ).rows[0];
    }
    if (!course.current_version_id) {
      const v = await c.query(
        `INSERT INTO course_version (course_id, number, status, title, summary, competency_type, jp, published_at)
         VALUES ($1, 1, 'published', $2, 'Kursus benchmark sertifikat (tidak tampil di katalog).', 'teknis', 12,
                 now() - interval '60 days')
         RETURNING id`,
        [course.id, COURSE_TITLE],
      );
      course.current_version_id = v.rows[0].id;
      await c.query(`UPDATE course SET current_version_id = $2 WHERE id = $1`, [
        course.id,
        course.current_version_id,
      ]);
    }

    await c.query(
      `INSERT INTO app_user (nip, name, email, position, rank, employment_type, org_unit_id, roles)
       SELECT to_char(date '1978-01-01' + g, 'YYYYMMDD') || '200503' || (1 + g % 2)::text || '888',
              ($3::text[])[1 + g % cardinality($3::text[])] || ' ' || ($4::text[])[1 + (g * 7) % cardinality($4::text[])],
              'sertif-' || lpad(g::text, 4, '0') || '@bench.siantar.test',
              ($5::text[])[1 + g % cardinality($5::text[])], ($6::text[])[1 + g % cardinality($6::text[])], 'PNS',
              (SELECT id FROM org_unit WHERE code = ($2::text[])[1 + g % cardinality($2::text[])]), ARRAY['learner']
         FROM generate_series(1, $1::int) g
       ON CONFLICT DO NOTHING`,
      [count, LEARNER_UNITS, FIRST, LAST, POSITIONS, RANKS],
    );
    await c.query(
      `INSERT INTO enrolment (course_id, version_id, user_id, source, status, enrolled_at, started_at, completed_at, passed_at)
       SELECT $1, $2, u.id, 'admin', 'completed', t.enrolled, t.enrolled + interval '2 hours', t.completed, t.completed
         FROM app_user u
         CROSS JOIN LATERAL (SELECT substring(u.email from 'sertif-(\\d+)@')::int AS g) n
         CROSS JOIN LATERAL (SELECT now() - interval '30 days' - (n.g % 10) * interval '1 day' AS enrolled,
                                    now() - interval '1 day' - (n.g % 9) * interval '1 day' - (n.g % 480) * interval '1 minute' AS completed) t
        WHERE u.email LIKE $3 AND u.active
          AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = $1 AND e.user_id = u.id AND e.status <> 'withdrawn')`,
      [course.id, course.current_version_id, CERT_USER_PATTERN],
    );
    const { rows } = await c.query(
      `SELECT e.id AS enrolment_id, e.user_id FROM enrolment e JOIN app_user u ON u.id = e.user_id
        WHERE e.course_id = $1 AND e.status = 'completed' AND u.email LIKE $2
        ORDER BY u.email LIMIT $3`,
      [course.id, CERT_USER_PATTERN, count],
    );
    if (rows.length < count)
      throw new Error(
        `only ${rows.length} of ${count} completed bench enrolments in ${CERT_COURSE}`,
      );
    return {
      courseId: /** @type {string} */ (course.id),
      versionId: /** @type {string} */ (course.current_version_id),
      issuerId,
      enrolments: rows.map((/** @type {any} */ r) => ({
        enrolmentId: /** @type {string} */ (r.enrolment_id),
        userId: /** @type {string} */ (r.user_id),
      })),
      images: { logo, signature, logoFileId, signatureFileId },
    };
  });
}

/**
 * A digest of a PDF's content that ignores how pdfkit numbered and ordered its objects: the
 * bodies of all `N 0 obj … endobj` objects with every reference `N 0 R` reduced to `R`, sorted,
 * hashed (the xref table and the trailer, which only hold offsets and the ID, are left out).
 * The same certificate rendered twice gives the same digest, while its bytes can differ: with
 * RGBA template images pdfkit splits the alpha channels asynchronously (png-js, zlib), and the
 * image objects get their numbers in the order those callbacks finish.
 */
export function pdfDigest(/** @type {Buffer} */ pdf) {
  const src = pdf.toString('latin1');
  /** @type {string[]} */
  const bodies = [];
  for (const m of src.matchAll(/(?:^|\n)\d+ 0 obj\n([\s\S]*?)\nendobj(?=\n)/g))
    bodies.push(m[1].replace(/\b\d+ 0 R\b/g, 'R'));
  bodies.sort();
  const h = createHash('sha256');
  for (const b of bodies) h.update(b).update('\n\0\n');
  return `${bodies.length}:${h.digest('hex')}`;
}

/** The text of a PDF as poppler's pdftotext reads it (layout kept), as the tests read it. */
export async function pdfText(/** @type {Buffer} */ pdf) {
  const dir = await mkdtemp(join(tmpdir(), 'sb-bench-cert-text-'));
  try {
    await writeFile(join(dir, 'c.pdf'), pdf);
    await run('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'c.pdf'), join(dir, 'c.txt')]);
    return await readFile(join(dir, 'c.txt'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every QR code found in the PDF's images (pdfimages -png, decoded with jsQR), as the tests do. */
export async function pdfQrCodes(/** @type {Buffer} */ pdf) {
  const dir = await mkdtemp(join(tmpdir(), 'sb-bench-cert-img-'));
  try {
    await writeFile(join(dir, 'c.pdf'), pdf);
    await run('pdfimages', ['-png', join(dir, 'c.pdf'), join(dir, 'img')]);
    /** @type {string[]} */
    const found = [];
    const images = (await readdir(dir)).filter((n) => n.endsWith('.png')).sort();
    for (const f of images) {
      const png = PNG.sync.read(await readFile(join(dir, f)));
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      if (code) found.push(code.data);
    }
    return { codes: found, images: images.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
