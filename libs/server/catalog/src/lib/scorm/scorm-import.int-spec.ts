import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { FileStorage, jobKey } from '@siantar/server-core';
import { IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createTestWorker,
  jobStubsExcept,
  createUser,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import { Queue } from 'bullmq';
import request from 'supertest';
import { FilesModule } from '../files/files.module';
import { buildDemoScormZip, findDemoDir } from './demo-package';
import { ScormImportHandler } from './scorm-import.job';
import { ScormJobsModule } from './scorm-jobs.module';
import { ScormModule } from './scorm.module';
import { ScormPackagesService } from './scorm-packages.service';
import {
  buildZip,
  filesFor,
  fixture,
  markEncrypted,
  renameEntry,
  SCORM_FIXTURES,
} from './test-fixtures';

interface PackageBody {
  id: string;
  filename: string;
  status: string;
  progress: number;
  error: string | null;
  title: string | null;
  scormVersion: string | null;
  launchHref: string | null;
  fileCount: number | null;
  totalBytes: number | null;
  items: { identifier: string; title: string; href: string | null; children: unknown[] }[];
}

const binary = (
  res: { on(e: string, f: (c?: Buffer) => void): unknown },
  cb: (err: Error | null, body: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', (c) => c && chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const DEMO_MANIFEST = readFileSync(join(findDemoDir(), 'imsmanifest.xml'), 'utf8');
/** A complete small package plus extra entries: the extras decide the outcome. */
const packageWith = (extra: Parameters<typeof buildZip>[0]) =>
  buildZip([
    { name: 'imsmanifest.xml', data: DEMO_MANIFEST },
    { name: 'index.html', data: '<!doctype html><h1 id="page-title">Halaman 1 dari 3</h1>' },
    ...extra,
  ]);

describe('SCORM 1.2 packages: upload, import in the worker, content (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let worker: INestApplicationContext;
  let storageDir: string;
  let trainer: string;
  let trainerId: string;
  let otherTrainer: string;
  let admin: string;
  let learner: string;
  let learnerId: string;
  let packages: ScormPackagesService;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'siantar-scorm-'));
    ctx = await createTestContext({
      STORAGE_DIR: join(storageDir, 'store'),
      SCORM_MAX_FILES: '90',
      SCORM_MAX_UNPACKED_BYTES: String(2 * 1024 * 1024),
    });
    t = await createTestApp(ctx.config, [FilesModule, ScormModule, IdentityModule]);
    worker = await createTestWorker(ctx.config, [
      ScormJobsModule,
      jobStubsExcept('catalog.scorm-import'),
    ]);
    packages = t.app.get(ScormPackagesService);
    const unit = await createOrgUnit(t.db, { code: 'PEMKO' });
    trainerId = (await createUser(t.db, { unit, roles: ['trainer'] })).id;
    trainer = await t.tokenFor(trainerId);
    otherTrainer = await t.tokenFor(
      (await createUser(t.db, { unit, roles: ['trainer', 'partner'] })).id,
    );
    admin = await t.tokenFor(
      (await createUser(t.db, { unit, roles: ['admin'], adminScope: unit })).id,
    );
    learnerId = (await createUser(t.db, { unit, roles: ['learner'] })).id;
    learner = await t.tokenFor(learnerId);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await ctx.cleanup();
    await rm(storageDir, { recursive: true, force: true });
  });

  const post = (zip: Buffer, filename = 'paket.zip', token = trainer) =>
    request(t.http)
      .post('/api/v1/scorm-packages')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', zip, { filename, contentType: 'application/zip' });

  const status = async (id: string, token = trainer) =>
    (
      await request(t.http)
        .get(`/api/v1/scorm-packages/${id}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200)
    ).body as PackageBody;

  /** Uploads, then polls until the worker has finished with the package. */
  const importZip = async (zip: Buffer, filename?: string): Promise<PackageBody> => {
    const res = await post(zip, filename).expect(202);
    const queued = res.body as PackageBody;
    expect(queued).toMatchObject({ status: 'queued', progress: 0, error: null });
    const end = Date.now() + 20_000;
    while (Date.now() < end) {
      const p = await status(queued.id);
      if (p.status === 'ready' || p.status === 'failed') return p;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`package ${queued.id} not imported in time`);
  };

  const contentFiles = async (id: string): Promise<string[]> => {
    const dir = join(storageDir, 'store', 'scorm', id);
    if (!existsSync(dir)) return [];
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name);
  };

  const refused = async (zip: Buffer, why: RegExp) => {
    const p = await importZip(zip);
    expect(p.status).toBe('failed');
    expect(p.error).toMatch(why);
    expect(p.launchHref).toBeNull();
    expect(await contentFiles(p.id)).toEqual([]);
    return p;
  };

  it('imports the Rustici Golf SCORM 1.2 package and serves its files through a launch URL', async () => {
    const p = await importZip(fixture('zips/scorm12.zip'), 'golf.zip');
    expect(p).toMatchObject({
      status: 'ready',
      progress: 100,
      error: null,
      filename: 'golf.zip',
      title: 'Golf Explained - CP One File Per SCO',
      scormVersion: '1.2',
      launchHref: 'Playing/Playing.html',
      fileCount: 44,
      totalBytes: 460678,
    });
    expect(p.items.map((i) => i.title)).toEqual([
      'Playing the Game',
      'Etiquette',
      'Handicapping',
      'Having Fun',
    ]);
    expect(p.items[0].children).toHaveLength(6);
    expect(p.items[0].children[5]).toMatchObject({
      identifier: 'playing_quiz_item',
      href: 'shared/assessmenttemplate.html?questions=Playing',
    });

    const url = await packages.launchUrl(p.id, learnerId);
    expect(url).toMatch(/^\/api\/v1\/scorm-content\/[\w-]+\.[\w-]+\/Playing\/Playing\.html$/);
    const page = await request(t.http).get(url).expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['accept-ranges']).toBe('bytes');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.text).toContain('Playing');

    // Relative links of the page resolve under the same token.
    const base = url.slice(0, url.lastIndexOf('/Playing/'));
    const css = await request(t.http).get(`${base}/shared/style.css`).expect(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const img = await request(t.http)
      .get(`${base}/shared/cclicense.png`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect((img.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
    const part = await request(t.http)
      .get(`${base}/shared/cclicense.png`)
      .set('Range', 'bytes=0-3')
      .buffer(true)
      .parse(binary)
      .expect(206);
    expect(part.headers['content-range']).toBe('bytes 0-3/4739');
    expect((part.body as Buffer).length).toBe(4);
    await request(t.http)
      .get(`${base}/shared/cclicense.png`)
      .set('Range', 'bytes=5000-')
      .expect(416);

    // The token is checked, paths stay inside the package.
    const token = url.split('/')[4];
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await request(t.http).get(`/api/v1/scorm-content/${forged}/Playing/Playing.html`).expect(403);
    await request(t.http).get(`/api/v1/scorm-content/not-a-token/x.html`).expect(403);
    await request(t.http).get(`${base}/%2e%2e/%2e%2e/etc/passwd`).expect(404);
    await request(t.http).get(`${base}/Playing%2F..%2F..%2Fx`).expect(404);
    await request(t.http).get(`${base}/tidak-ada.html`).expect(404);
  });

  it('refuses a content token that has expired with 410', async () => {
    const [ready] = (await t.db.query(
      `SELECT id FROM scorm_package WHERE status = 'ready' LIMIT 1`,
    )) as {
      id: string;
    }[];
    const realNow = Date.now();
    const spy = jest
      .spyOn(Date, 'now')
      .mockReturnValue(realNow - (ctx.config.FILE_URL_TTL_SECONDS + 60) * 1000);
    const old = await packages.launchUrl(ready.id, learnerId);
    spy.mockRestore();
    const res = await request(t.http).get(old).expect(410);
    expect((res.body as { code: string }).code).toBe('scorm.link-expired');
  });

  it('imports the demo package built from tools/scorm-demo', async () => {
    const p = await importZip(await buildDemoScormZip(), 'loket.zip');
    expect(p).toMatchObject({
      status: 'ready',
      title: 'Simulasi Loket Disdukcapil',
      scormVersion: '1.2',
      launchHref: 'index.html',
      fileCount: 5,
    });
    const page = await request(t.http)
      .get(await packages.launchUrl(p.id, learnerId))
      .expect(200);
    expect(page.text).toContain('<h1 id="page-title">Halaman 1 dari 3</h1>');
    const js = await request(t.http)
      .get(await packages.launchUrl(p.id, learnerId, 'js/course.js'))
      .expect(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.text).toContain('cmi.core.lesson_location');
  });

  it('refuses SCORM 2004 naming the version, without retrying', async () => {
    const p = await refused(
      fixture('zips/scorm2004.zip'),
      /SCORM 2004 \(3rd Edition\) belum didukung; unggah paket SCORM 1\.2/,
    );
    const q = new Queue('catalog', {
      connection: { url: ctx.config.REDIS_URL },
      prefix: ctx.config.REDIS_PREFIX,
    });
    try {
      const job = await q.getJob(jobKey('scorm-import', p.id));
      // Failed for good: a retryable error would leave it delayed (8 attempts).
      expect(await job?.getState()).toBe('failed');
      expect(job?.attemptsMade).toBe(1);
      expect(job?.failedReason).toMatch(/SCORM 2004/);
    } finally {
      await q.close();
    }
  });

  it('refuses AICC and cmi5 packages: no imsmanifest.xml, and says what they look like', async () => {
    await refused(fixture('zips/aicc.zip'), /Tidak ada imsmanifest\.xml di akar paket\. .*AICC/);
    await refused(fixture('zips/cmi5.zip'), /Tidak ada imsmanifest\.xml di akar paket\. .*cmi5/);
    await refused(
      await buildZip([{ name: 'kursus/imsmanifest.xml', data: DEMO_MANIFEST }]),
      /Ada "kursus\/imsmanifest\.xml": zip isi folder "kursus\/"/,
    );
  });

  it.each([
    ['MalformedXml_SCORM12', true, /imsmanifest\.xml bukan XML yang sah: baris \d+, kolom \d+/],
    ['MissingLaunchUrl_SCORM12', true, /resource "resource_1" yang tidak punya atribut href/],
    [
      'ItemWithNonExistentResourceId_SCORM12',
      true,
      /"non_existent_resource" yang tidak ada di <resources>/,
    ],
    [
      'InvalidFileReferences_SCORM12',
      false,
      /Berkas "content\/nonexistent\.html" .*tidak ada di dalam paket/,
    ],
    ['MissingRequiredFields_SCORM12', true, /Organisasi "default_org" .*tidak punya <title>/],
  ])('refuses the broken manifest %s with its reason', async (dir, withFiles, why) => {
    const xml = readFileSync(
      join(SCORM_FIXTURES, 'manifests', 'scorm12', dir, 'imsmanifest.xml'),
      'utf8',
    );
    await refused(
      await buildZip([{ name: 'imsmanifest.xml', data: xml }, ...(withFiles ? filesFor(xml) : [])]),
      why,
    );
  });

  it.each([
    ['LaunchUrlFromNestedItem_SCORM12', 'content/topic1.html'],
    ['MultipleItemsWithIdentifierRef_SCORM12', 'content/item1.html'],
    ['ComplexNestedOrganization_SCORM12', 'content/module1.html'],
    ['PrerequisitesTest_SCORM12', 'module1.html'],
  ])('accepts the valid manifest %s (launch %s) once its files are there', async (dir, launch) => {
    const xml = readFileSync(
      join(SCORM_FIXTURES, 'manifests', 'scorm12', dir, 'imsmanifest.xml'),
      'utf8',
    );
    const p = await importZip(
      await buildZip([{ name: 'imsmanifest.xml', data: xml }, ...filesFor(xml)]),
    );
    expect(p).toMatchObject({ status: 'ready', launchHref: launch, error: null });
  });

  it.each([
    ['../evil.html', 'xx/evil.html', /"\.\.\/evil\.html" keluar dari folder paket/],
    ['/tmp/evil.htm', 'tmp/evil.html', /"\/tmp\/evil\.htm" memakai jalur absolut/],
    ['a\\..\\evil.h', 'a/xx/evil.h', /garis miring terbalik/],
  ])('refuses the zip-slip entry %j before extracting anything', async (name, placeholder, why) => {
    const zip = renameEntry(
      await packageWith([{ name: placeholder, data: 'pwned' }]),
      placeholder,
      name,
    );
    await refused(zip, why);
    expect(existsSync(join(storageDir, 'evil.html'))).toBe(false);
    expect(existsSync(join(storageDir, 'store', 'scorm', 'evil.html'))).toBe(false);
  });

  it('refuses a symlink entry', async () => {
    await refused(
      await packageWith([{ name: 'shared/link.html', data: '/etc/passwd', mode: 0o120777 }]),
      /"shared\/link\.html" adalah tautan simbolik/,
    );
  });

  it('refuses an encrypted entry', async () => {
    await refused(markEncrypted(await packageWith([])), /terenkripsi/);
  });

  it('refuses more files than SCORM_MAX_FILES', async () => {
    const many = Array.from({ length: 90 }, (_, i) => ({ name: `aset/${i}.txt`, data: `${i}` }));
    await refused(await packageWith(many), /Paket berisi 92 entri; batasnya 90/);
  });

  it('refuses a zip bomb: declared size over SCORM_MAX_UNPACKED_BYTES, or a huge compression ratio', async () => {
    await refused(
      await packageWith([{ name: 'video.bin', data: randomBytes(2 * 1024 * 1024 + 10) }]),
      /Isi paket setelah dibuka berjumlah .*; batasnya 2 MB/,
    );
    await refused(
      await packageWith([{ name: 'nol.bin', data: Buffer.alloc(1536 * 1024) }]),
      /"nol\.bin" mengembang \d+ kali.*zip bomb/,
    );
  });

  it('refuses a file that is not a zip at upload with 415 (a PDF renamed .zip), storing nothing', async () => {
    const before: { n: string }[] = await t.db.query('SELECT count(*) AS n FROM scorm_package');
    const res = await post(Buffer.from('%PDF-1.7\n%%EOF\n'), 'paket.zip').expect(415);
    expect(res.body).toMatchObject({ code: 'files.wrong-type' });
    expect((res.body as { detail: string }).detail).toContain('dokumen PDF');
    const after: { n: string }[] = await t.db.query('SELECT count(*) AS n FROM scorm_package');
    expect(after[0].n).toBe(before[0].n);
  });

  it('lets only trainers, partners and admins upload; only the uploader and admins read a package', async () => {
    await post(await packageWith([]), 'x.zip', learner).expect(403);
    const { id } = (await post(await packageWith([])).expect(202)).body as PackageBody;
    await request(t.http)
      .get(`/api/v1/scorm-packages/${id}`)
      .set('Authorization', `Bearer ${otherTrainer}`)
      .expect(404);
    await request(t.http)
      .get(`/api/v1/scorm-packages/${id}`)
      .set('Authorization', `Bearer ${learner}`)
      .expect(403);
    await request(t.http)
      .get(`/api/v1/scorm-packages/${id}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    await request(t.http)
      .get('/api/v1/scorm-packages/bukan-uuid')
      .set('Authorization', `Bearer ${admin}`)
      .expect(404);
  });

  it('a retry after a crash starts from an empty prefix; a ready package is left alone', async () => {
    const p = await importZip(await packageWith([{ name: 'a.txt', data: 'a' }]));
    expect(p.status).toBe('ready');
    // Simulate a crash mid-import: the row went back to processing and a stray file is in the prefix.
    await t.db.query(
      `UPDATE scorm_package SET status = 'processing', progress = 40 WHERE id = $1`,
      [p.id],
    );
    const storage = worker.get(FileStorage);
    await storage.put(`scorm/${p.id}/sisa-crash.html`, Buffer.from('x'));
    const handler = worker.get(ScormImportHandler);
    const progress: number[] = [];
    const jobCtx = {
      jobId: 'manual',
      attempt: 2,
      log: async () => undefined,
      updateProgress: async (n: number) => {
        progress.push(n);
      },
    };
    await handler.handle({ packageId: p.id }, jobCtx);
    expect(await status(p.id)).toMatchObject({ status: 'ready', progress: 100, fileCount: 3 });
    expect(await storage.stat(`scorm/${p.id}/sisa-crash.html`)).toBeNull();
    expect(await storage.stat(`scorm/${p.id}/a.txt`)).toEqual({ size: 1 });
    expect(progress[progress.length - 1]).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    // Running again on a ready package changes nothing.
    await handler.handle({ packageId: p.id }, jobCtx);
    expect(await status(p.id)).toMatchObject({ status: 'ready', fileCount: 3 });
  });
});
