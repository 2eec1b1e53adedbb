import { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { assertSafeKey, type ByteRange, FileStorage } from './file-storage';

export interface S3Settings {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (MinIO and most self-hosted S3-compatible stores need them). */
  forcePathStyle: boolean;
  /** Prefix of every key in the bucket, so several deployments can share one. */
  prefix: string;
}

async function toBuffer(body: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** S3-compatible object storage, so that several api and worker processes share files. */
export class S3Storage extends FileStorage {
  private readonly client: S3Client;

  constructor(private readonly s: S3Settings) {
    super();
    this.client = new S3Client({
      endpoint: s.endpoint,
      region: s.region,
      forcePathStyle: s.forcePathStyle,
      credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    });
  }

  private key(key: string): string {
    assertSafeKey(key);
    return this.s.prefix ? `${this.s.prefix.replace(/\/$/, '')}/${key}` : key;
  }

  async put(key: string, body: Buffer | Readable): Promise<{ size: number }> {
    // Buffered: uploads are bounded by the upload limits, and a known length keeps every S3 flavour happy.
    const data = await toBuffer(body);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.s.bucket,
        Key: this.key(key),
        Body: data,
        ContentLength: data.length,
      }),
    );
    return { size: data.length };
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.s.bucket, Key: this.key(key) }),
      );
      return { size: Number(head.ContentLength ?? 0) };
    } catch (e) {
      if (
        e instanceof NotFound ||
        (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
      )
        return null;
      throw e;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const out = await this.client.send(
      new GetObjectCommand({
        Bucket: this.s.bucket,
        Key: this.key(key),
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    if (!(out.Body instanceof Readable)) throw new Error(`S3 returned no stream for ${key}`);
    return out.Body;
  }

  async deletePrefix(prefix: string): Promise<void> {
    const full = `${this.key(prefix.replace(/\/$/, ''))}/`;
    let token: string | undefined;
    do {
      const list = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.s.bucket, Prefix: full, ContinuationToken: token }),
      );
      const keys = (list.Contents ?? []).map((c) => ({ Key: c.Key as string }));
      if (keys.length > 0) {
        await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.s.bucket, Delete: { Objects: keys } }),
        );
      }
      token = list.IsTruncated ? list.NextContinuationToken : undefined;
    } while (token);
    // A single object stored under exactly this key (a file, not a folder).
    await this.client.send(
      new DeleteObjectsCommand({
        Bucket: this.s.bucket,
        Delete: { Objects: [{ Key: this.key(prefix.replace(/\/$/, '')) }] },
      }),
    );
  }
}
