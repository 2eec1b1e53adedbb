import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FilePurpose, StoredFileResponse } from '@siantar/contracts';
import {
  AppError,
  EnvSchema,
  FileStorage,
  fileUrlSignature,
  signedFileUrl,
} from '@siantar/server-core';
import type { Request, Response } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import { contentDisposition, sendStoredContent } from './http-content';
import { ALLOWED_TYPES, detectType, MAGIC_HEAD_BYTES, PURPOSE_LABEL } from './magic-bytes';
import { StoredFile, type StoredFilePurpose } from './stored-file.entity';
import { megabytes } from './upload.interceptor';
import { nowSeconds, sameSignature } from './url-signing';

export interface UploadMeta {
  purpose: StoredFilePurpose;
  /** The uploader's file name; only shown and used for downloads. */
  filename: string;
  uploadedBy: string | null;
}

/** Keeps a person-readable name: no folders, no control characters, at most 255 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'berkas').slice(0, 255);
}

/**
 * Uploaded files: type decided by magic bytes, size limited per purpose,
 * stored under `files/<uuid>` with their sha256, handed out through signed,
 * short-lived URLs. Who may get a URL is decided by the caller.
 */
@Injectable()
export class FilesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly storage: FileStorage,
    private readonly config: EnvSchema,
  ) {}

  limitFor(purpose: StoredFilePurpose): number {
    switch (purpose) {
      case 'video':
        return this.config.VIDEO_UPLOAD_LIMIT_BYTES;
      case 'scorm':
        return this.config.SCORM_MAX_ZIP_BYTES;
      default:
        return this.config.UPLOAD_LIMIT_BYTES;
    }
  }

  /**
   * Checks the type and size, stores the bytes and records the file. With
   * `manager` the row is written in the caller's transaction.
   */
  async upload(
    source: Buffer | Readable,
    meta: UploadMeta,
    manager?: EntityManager,
  ): Promise<StoredFile> {
    const limit = this.limitFor(meta.purpose);
    const filename = cleanFilename(meta.filename);
    const tooLarge = (size: string) =>
      new AppError(
        413,
        'files.too-large',
        `Berkas "${filename}" (${size}) melebihi batas ${megabytes(limit)} untuk ${PURPOSE_LABEL[meta.purpose]}. Perkecil atau kompres berkasnya, lalu unggah lagi.`,
      );
    if (Buffer.isBuffer(source) && source.length > limit) throw tooLarge(megabytes(source.length));

    // Read just enough to recognise the type before anything is stored.
    const chunks = Buffer.isBuffer(source) ? [source][Symbol.iterator]() : null;
    const iterator: AsyncIterator<Buffer> | Iterator<Buffer> =
      chunks ?? (source as Readable)[Symbol.asyncIterator]();
    const head: Buffer[] = [];
    let headLength = 0;
    let done = false;
    while (headLength < MAGIC_HEAD_BYTES) {
      const r = await iterator.next();
      if (r.done) {
        done = true;
        break;
      }
      const chunk = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value as Uint8Array);
      head.push(chunk);
      headLength += chunk.length;
    }
    if (headLength === 0) {
      throw new AppError(400, 'files.empty', `Berkas "${filename}" kosong (0 byte).`);
    }
    const detected = detectType(Buffer.concat(head).subarray(0, MAGIC_HEAD_BYTES));
    const allowed = ALLOWED_TYPES[meta.purpose];
    if (!detected || !allowed.mimes.includes(detected.mime)) {
      if (!Buffer.isBuffer(source)) source.destroy();
      throw new AppError(
        415,
        'files.wrong-type',
        `Isi berkas "${filename}" terdeteksi sebagai ${detected ? detected.label : 'jenis yang tidak dikenali'}, padahal untuk ${PURPOSE_LABEL[meta.purpose]} hanya ${allowed.describe} yang diterima. Nama atau ekstensi berkas tidak menentukan jenisnya; unggah berkas yang isinya sesuai.`,
      );
    }

    const hash = createHash('sha256');
    let size = 0;
    async function* body(): AsyncGenerator<Buffer> {
      const take = (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) throw tooLarge(`lebih dari ${megabytes(limit)}`);
        hash.update(chunk);
        return chunk;
      };
      for (const c of head) yield take(c);
      while (!done) {
        const r = await iterator.next();
        if (r.done) break;
        yield take(Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value as Uint8Array));
      }
    }

    const id = randomUUID();
    const key = `files/${id}`;
    try {
      await this.storage.put(key, Readable.from(body()));
      const row = (manager ?? this.db.manager).create(StoredFile, {
        id,
        purpose: meta.purpose,
        storageKey: key,
        filename,
        contentType: detected.mime,
        size,
        sha256: hash.digest('hex'),
        uploadedBy: meta.uploadedBy,
      });
      return await (manager ?? this.db.manager).save(StoredFile, row);
    } catch (e) {
      await this.storage.deletePrefix(key).catch(() => undefined);
      throw e;
    }
  }

  async get(fileId: string): Promise<StoredFile | null> {
    return this.db.manager.findOneBy(StoredFile, { id: fileId });
  }

  toResponse(file: StoredFile): StoredFileResponse {
    return {
      id: file.id,
      purpose: file.purpose as FilePurpose,
      filename: file.filename,
      contentType: file.contentType,
      size: file.size,
      createdAt: file.createdAt.toISOString(),
    };
  }

  /** See signedFileUrl (core); call it only after deciding that the user may see the file. */
  signedUrl(fileId: string, opts: { download?: boolean } = {}): string {
    return signedFileUrl(this.config, fileId, opts);
  }

  /** Throws 403 for a wrong signature, 410 for an expired one; returns the seconds left. */
  verifySignature(
    fileId: string,
    exp: string | undefined,
    sig: string | undefined,
    download: boolean,
  ): number {
    const expNumber = exp && /^\d{1,12}$/.test(exp) ? Number(exp) : NaN;
    if (
      !sig ||
      !Number.isFinite(expNumber) ||
      !sameSignature(sig, fileUrlSignature(this.config, fileId, expNumber, download))
    ) {
      throw new AppError(
        403,
        'files.bad-signature',
        'Tautan berkas ini tidak sah atau sudah diubah. Buka lagi berkasnya dari halaman pelajaran untuk mendapat tautan baru.',
      );
    }
    const left = expNumber - nowSeconds();
    if (left <= 0) {
      throw new AppError(
        410,
        'files.link-expired',
        'Tautan berkas ini sudah kedaluwarsa. Muat ulang halaman pelajaran untuk mendapat tautan baru.',
      );
    }
    return left;
  }

  /** Answers GET /files/:id/content once the signature has been checked. */
  async serve(
    req: Request,
    res: Response,
    fileId: string,
    q: { exp?: unknown; sig?: unknown; download?: unknown },
  ): Promise<void> {
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const download = q.download === '1' || q.download === 'true';
    const left = this.verifySignature(fileId, str(q.exp), str(q.sig), download);
    const file = await this.get(fileId);
    if (!file)
      throw new AppError(404, 'not-found', 'Berkas tidak ditemukan; mungkin sudah dihapus.');
    await sendStoredContent(req, res, this.storage, {
      key: file.storageKey,
      size: file.size,
      contentType: file.contentType,
      maxAgeSeconds: left,
      etag: file.sha256,
      disposition: contentDisposition(download ? 'attachment' : 'inline', file.filename),
    });
  }
}
