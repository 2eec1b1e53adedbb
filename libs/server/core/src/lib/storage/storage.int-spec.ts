import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';

async function text(s: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** One behaviour for every driver; the S3 driver talks HTTP to a real S3-protocol server (s3rver). */
const drivers: [string, () => Promise<{ storage: FileStorage; close: () => Promise<void> }>][] = [
  [
    'local disk',
    async () => ({
      storage: new LocalDiskStorage(mkdtempSync(join(tmpdir(), 'sb-local-'))),
      close: async () => undefined,
    }),
  ],
  [
    'S3-compatible',
    async () => {
      const server = new S3rver({
        port: 0,
        address: '127.0.0.1',
        silent: true,
        directory: mkdtempSync(join(tmpdir(), 'sb-s3-')),
      });
      const address: AddressInfo = await server.run();
      const endpoint = `http://127.0.0.1:${address.port}`;
      const settings = {
        endpoint,
        region: 'us-east-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      };
      await new S3Client({
        ...settings,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      }).send(new CreateBucketCommand({ Bucket: 'siantar' }));
      return {
        storage: new S3Storage({ ...settings, bucket: 'siantar', prefix: 'test' }),
        close: () => server.close(),
      };
    },
  ],
];

describe.each(drivers)('FileStorage: %s', (_name, make) => {
  let storage: FileStorage;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ storage, close } = await make());
  });
  afterAll(() => close());

  it('stores buffers and streams, reports sizes, reads whole files and byte ranges', async () => {
    expect(await storage.put('files/a', Buffer.from('Halo Siantar'))).toEqual({ size: 12 });
    expect(
      await storage.put(
        'scorm/p1/index.html',
        Readable.from([Buffer.from('<h1>'), Buffer.from('x</h1>')]),
      ),
    ).toEqual({ size: 10 });
    expect(await storage.stat('files/a')).toEqual({ size: 12 });
    expect(await storage.stat('files/missing')).toBeNull();
    expect(await text(await storage.read('files/a'))).toBe('Halo Siantar');
    expect(await text(await storage.read('files/a', { start: 5, end: 11 }))).toBe('Siantar');
  });

  it('deletes a whole prefix and nothing else', async () => {
    await storage.put('scorm/p2/a.html', Buffer.from('a'));
    await storage.put('scorm/p2/css/b.css', Buffer.from('b'));
    await storage.put('scorm/p20/c.html', Buffer.from('c'));
    await storage.deletePrefix('scorm/p2');
    expect(await storage.stat('scorm/p2/a.html')).toBeNull();
    expect(await storage.stat('scorm/p2/css/b.css')).toBeNull();
    expect(await storage.stat('scorm/p20/c.html')).toEqual({ size: 1 });
  });

  it('refuses keys that would escape the storage root', async () => {
    await expect(storage.put('../etc/passwd', Buffer.from('x'))).rejects.toThrow(
      /Unsafe storage key/,
    );
    await expect(storage.put('/abs', Buffer.from('x'))).rejects.toThrow(/Unsafe storage key/);
    await expect(storage.put('a/../../b', Buffer.from('x'))).rejects.toThrow(/Unsafe storage key/);
  });
});
