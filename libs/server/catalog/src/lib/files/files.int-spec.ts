import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import request from 'supertest';
import { FilesModule } from './files.module';
import { FilesService } from './files.service';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR-siantar-test-image-bytes-'.repeat(20)),
]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

type Parser = Extract<Parameters<request.Test['parse']>[0], (a: never, b: never) => void>;
const binary: Parser = (res, cb) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('files: upload by magic bytes, signed content URLs (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let storageDir: string;
  let trainer: string;
  let learner: string;
  let files: FilesService;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'siantar-files-'));
    ctx = await createTestContext({ STORAGE_DIR: storageDir, UPLOAD_LIMIT_BYTES: '4096' });
    t = await createTestApp(ctx.config, [FilesModule, IdentityModule]);
    files = t.app.get(FilesService);
    const unit = await createOrgUnit(t.db, { code: 'PEMKO' });
    trainer = await t.tokenFor((await createUser(t.db, { unit, roles: ['trainer'] })).id);
    learner = await t.tokenFor((await createUser(t.db, { unit, roles: ['learner'] })).id);
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
    await rm(storageDir, { recursive: true, force: true });
  });

  const upload = (token: string, purpose: string, data: Buffer, filename: string) =>
    request(t.http)
      .post('/api/v1/files')
      .set('Authorization', `Bearer ${token}`)
      .field('purpose', purpose)
      .attach('file', data, { filename, contentType: 'application/octet-stream' });

  const get = (url: string) => request(t.http).get(url).buffer(true).parse(binary);

  it('stores a PNG cover, decided by its bytes, with its sha256, and serves it through a signed URL', async () => {
    const res = await upload(trainer, 'cover', PNG, 'sampul kursus.png').expect(201);
    const body = res.body as { id: string; contentType: string; size: number; purpose: string };
    expect(body).toMatchObject({
      purpose: 'cover',
      filename: 'sampul kursus.png',
      contentType: 'image/png',
      size: PNG.length,
    });
    const rows: { storage_key: string; sha256: string }[] = await t.db.query(
      'SELECT storage_key, sha256 FROM stored_file WHERE id = $1',
      [body.id],
    );
    expect(rows[0].storage_key).toBe(`files/${body.id}`);
    expect(rows[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    const url = files.signedUrl(body.id);
    expect(url).toMatch(new RegExp(`^/api/v1/files/${body.id}/content\\?exp=\\d+&sig=[\\w-]+$`));
    const content = await get(url).expect(200);
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.headers['accept-ranges']).toBe('bytes');
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['etag']).toBe(`"${rows[0].sha256}"`);
    expect(content.headers['cache-control']).toMatch(/^private, max-age=(\d+)$/);
    const maxAge = Number(/max-age=(\d+)/.exec(content.headers['cache-control'] as string)?.[1]);
    expect(maxAge).toBeGreaterThan(ctx.config.FILE_URL_TTL_SECONDS - 60);
    expect(maxAge).toBeLessThanOrEqual(ctx.config.FILE_URL_TTL_SECONDS);
    expect(content.headers['content-disposition']).toBe(
      `inline; filename="sampul kursus.png"; filename*=UTF-8''sampul%20kursus.png`,
    );
    expect(Buffer.compare(content.body as Buffer, PNG)).toBe(0);

    // The same ETag back: nothing to send again.
    await request(t.http).get(url).set('If-None-Match', `"${rows[0].sha256}"`).expect(304);
  });

  it('answers ranges with 206 and impossible ranges with 416', async () => {
    const { id } = (await upload(trainer, 'document', PDF, 'modul.pdf').expect(201)).body as {
      id: string;
    };
    const url = files.signedUrl(id);
    const part = await get(url).set('Range', 'bytes=0-7').expect(206);
    expect(part.headers['content-range']).toBe(`bytes 0-7/${PDF.length}`);
    expect(part.headers['content-length']).toBe('8');
    expect((part.body as Buffer).toString()).toBe('%PDF-1.7');
    const tail = await get(url).set('Range', 'bytes=-6').expect(206);
    expect((tail.body as Buffer).toString()).toBe('%%EOF\n');
    const bad = await request(t.http).get(url).set('Range', `bytes=${PDF.length}-`).expect(416);
    expect(bad.headers['content-range']).toBe(`bytes */${PDF.length}`);
    expect((bad.body as { code: string }).code).toBe('files.bad-range');
  });

  it('adds Content-Disposition: attachment for download URLs; the flag is part of the signature', async () => {
    const { id } = (
      await upload(trainer, 'document', PDF, 'Surat Edaran No. 5 – 2025.pdf').expect(201)
    ).body as { id: string };
    const res = await get(files.signedUrl(id, { download: true })).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Surat Edaran No. 5 _ 2025.pdf"; filename*=UTF-8''Surat%20Edaran%20No.%205%20%E2%80%93%202025.pdf`,
    );
    // An inline URL does not become a download URL by adding the flag.
    await request(t.http)
      .get(`${files.signedUrl(id)}&download=1`)
      .expect(403);
  });

  it('refuses a tampered signature with 403 and an expired URL with 410', async () => {
    const { id } = (await upload(trainer, 'cover', PNG, 'a.png').expect(201)).body as {
      id: string;
    };
    const url = files.signedUrl(id);
    const sig = /sig=([\w-]+)/.exec(url)?.[1] ?? '';
    const tampered = url.replace(sig, `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`);
    const res = await request(t.http).get(tampered).expect(403);
    expect((res.body as { code: string }).code).toBe('files.bad-signature');
    // Moving exp forward breaks the signature too.
    const exp = Number(/exp=(\d+)/.exec(url)?.[1]);
    await request(t.http)
      .get(url.replace(`exp=${exp}`, `exp=${exp + 3600}`))
      .expect(403);
    await request(t.http).get(`/api/v1/files/${id}/content`).expect(403);

    const realNow = Date.now();
    const spy = jest
      .spyOn(Date, 'now')
      .mockReturnValue(realNow - (ctx.config.FILE_URL_TTL_SECONDS + 60) * 1000);
    const old = files.signedUrl(id);
    spy.mockRestore();
    const gone = await request(t.http).get(old).expect(410);
    expect((gone.body as { code: string; detail: string }).code).toBe('files.link-expired');
  });

  it('refuses a PNG named .pdf as a document with 415, saying what was found and what is allowed', async () => {
    const res = await upload(trainer, 'document', PNG, 'laporan.pdf').expect(415);
    const body = res.body as { code: string; detail: string };
    expect(body.code).toBe('files.wrong-type');
    expect(body.detail).toContain('gambar PNG');
    expect(body.detail).toContain('dokumen PDF');
    // A PDF is not a cover either, whatever its name.
    await upload(trainer, 'cover', PDF, 'sampul.png').expect(415);
    await upload(trainer, 'video', PDF, 'video.mp4').expect(415);
  });

  it('refuses a file over the limit of its purpose with 413 and stores nothing', async () => {
    const before: { n: string }[] = await t.db.query('SELECT count(*) AS n FROM stored_file');
    const big = Buffer.concat([PNG, Buffer.alloc(5000, 1)]);
    const res = await upload(trainer, 'cover', big, 'besar.png').expect(413);
    expect((res.body as { code: string; detail: string }).code).toBe('files.too-large');
    expect((res.body as { detail: string }).detail).toMatch(/batas/);
    const after: { n: string }[] = await t.db.query('SELECT count(*) AS n FROM stored_file');
    expect(after[0].n).toBe(before[0].n);
  });

  it('accepts an MP4 video (ftyp) and a WebM video by their bytes', async () => {
    const mp4 = Buffer.concat([
      Buffer.from([0, 0, 0, 0x20]),
      Buffer.from('ftypisom'),
      Buffer.alloc(64),
    ]);
    const webm = Buffer.concat([
      Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]),
      Buffer.from('webm'),
      Buffer.alloc(64),
    ]);
    expect((await upload(trainer, 'video', mp4, 'v.bin').expect(201)).body).toMatchObject({
      contentType: 'video/mp4',
    });
    expect((await upload(trainer, 'video', webm, 'v.bin').expect(201)).body).toMatchObject({
      contentType: 'video/webm',
    });
  });

  it('checks the purpose, the file field and the role', async () => {
    expect((await upload(trainer, 'scorm', PNG, 'a.png').expect(400)).body).toMatchObject({
      code: 'files.bad-purpose',
    });
    expect(
      (
        await request(t.http)
          .post('/api/v1/files')
          .set('Authorization', `Bearer ${trainer}`)
          .field('purpose', 'cover')
          .expect(400)
      ).body,
    ).toMatchObject({ code: 'files.no-file' });
    await upload(learner, 'cover', PNG, 'a.png').expect(403);
    await request(t.http).post('/api/v1/files').attach('file', PNG, 'a.png').expect(401);
  });

  it('answers 404 for an unknown file with a valid signature', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await request(t.http).get(files.signedUrl(id)).expect(404);
    await request(t.http).get('/api/v1/files/not-a-uuid/content?exp=1&sig=x').expect(404);
  });
});
