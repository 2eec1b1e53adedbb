import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ScormPackageResponse } from '@siantar/contracts';
import {
  AppError,
  EnvSchema,
  FileStorage,
  jobKey,
  type Principal,
  QueueService,
} from '@siantar/server-core';
import type { Request, Response } from 'express';
import { contentType as mimeContentType, lookup } from 'mime-types';
import type { DataSource } from 'typeorm';
import { FilesService } from '../files/files.service';
import { sendStoredContent } from '../files/http-content';
import type { StoredFile } from '../files/stored-file.entity';
import { deriveKey, nowSeconds } from '../files/url-signing';
import { readContentToken, signContentToken } from './content-token';
import { contentKey, encodeHref, normaliseRequestPath } from './package-paths';
import { ScormPackage } from './scorm-package.entity';

/**
 * Package content runs inside the player's iframe on the same origin. SCORM
 * authoring tools emit inline scripts and handlers, so this policy allows them
 * for package files only (trainers, partners and admins upload packages);
 * framing stays limited to this origin.
 */
export const SCORM_CONTENT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const notFound = () => new AppError(404, 'not-found', 'Paket SCORM tidak ditemukan.');

/** SCORM 1.2 packages: upload (the worker imports them), status, and their content for the player. */
@Injectable()
export class ScormPackagesService {
  private readonly tokenKey: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: FilesService,
    private readonly queue: QueueService,
    private readonly storage: FileStorage,
    private readonly config: EnvSchema,
  ) {
    this.tokenKey = deriveKey(config.JWT_SECRET, 'scorm-content');
  }

  /**
   * Stores the zip, records the package as queued and enqueues its import, in
   * one transaction: when anything fails, nothing is left behind.
   */
  async upload(
    zip: Buffer | Readable,
    filename: string,
    uploadedBy: Principal,
  ): Promise<ScormPackageResponse> {
    let stored: StoredFile | undefined;
    try {
      const pkg = await this.db.transaction(async (m) => {
        stored = await this.files.upload(
          zip,
          { purpose: 'scorm', filename, uploadedBy: uploadedBy.id },
          m,
        );
        const row = await m.save(
          ScormPackage,
          m.create(ScormPackage, {
            fileId: stored.id,
            uploadedBy: uploadedBy.id,
            status: 'queued',
            progress: 0,
            items: [],
          }),
        );
        await this.queue.enqueue(
          'catalog.scorm-import',
          { packageId: row.id },
          { jobId: jobKey('scorm-import', row.id) },
        );
        return row;
      });
      return this.toResponse(pkg, stored?.filename ?? filename);
    } catch (e) {
      if (stored) await this.storage.deletePrefix(stored.storageKey).catch(() => undefined);
      throw e;
    }
  }

  /** The package as its uploader or an admin sees it; 404 for anyone else. */
  async get(packageId: string, caller: Principal): Promise<ScormPackageResponse> {
    const pkg = await this.db.manager.findOne(ScormPackage, {
      where: { id: packageId },
      relations: { file: true },
    });
    if (!pkg || (pkg.uploadedBy !== caller.id && !caller.roles.includes('admin'))) throw notFound();
    return this.toResponse(pkg, pkg.file?.filename ?? '');
  }

  toResponse(pkg: ScormPackage, filename: string): ScormPackageResponse {
    return {
      id: pkg.id,
      filename,
      status: pkg.status,
      progress: pkg.progress,
      error: pkg.error,
      title: pkg.title,
      scormVersion: pkg.scormVersion,
      launchHref: pkg.launchHref,
      fileCount: pkg.fileCount,
      totalBytes: pkg.totalBytes,
      items: pkg.items,
    };
  }

  /**
   * The URL that opens a ready package (or one of its items' `href`) for a
   * user, valid FILE_URL_TTL_SECONDS. The caller decides whether the user may
   * see the lesson; this only checks that the package can be played.
   */
  async launchUrl(packageId: string, userId: string, href?: string): Promise<string> {
    const pkg = await this.db.manager.findOneBy(ScormPackage, { id: packageId });
    if (!pkg) throw notFound();
    if (pkg.status !== 'ready' || !pkg.launchHref) {
      throw new AppError(
        409,
        'scorm.not-ready',
        pkg.status === 'failed'
          ? `Paket SCORM ini ditolak saat diimpor: ${pkg.error ?? ''}`
          : 'Paket SCORM ini masih diproses; coba lagi sebentar lagi.',
      );
    }
    const target = href ?? pkg.launchHref;
    if (!normaliseRequestPath(target.split(/[?#]/)[0]) || /^[a-z][a-z0-9+.-]*:|^\//i.test(target)) {
      throw new AppError(400, 'scorm.bad-href', `"${target}" bukan jalur di dalam paket.`);
    }
    return `/api/v1/scorm-content/${this.contentToken(packageId, userId)}/${encodeHref(target)}`;
  }

  /** The token that /scorm-content URLs carry as their first segment. */
  contentToken(packageId: string, userId: string): string {
    return signContentToken(this.tokenKey, {
      packageId,
      userId,
      exp: nowSeconds() + this.config.FILE_URL_TTL_SECONDS,
    });
  }

  /** Answers GET /scorm-content/:token/*path. */
  async serveContent(
    req: Request,
    res: Response,
    token: string,
    segments: string[] | string,
  ): Promise<void> {
    const grant = readContentToken(this.tokenKey, token);
    if (!grant) {
      throw new AppError(
        403,
        'scorm.bad-token',
        'Tautan materi SCORM ini tidak sah. Buka lagi pelajarannya dari halaman kursus.',
      );
    }
    const left = grant.exp - nowSeconds();
    if (left <= 0) {
      throw new AppError(
        410,
        'scorm.link-expired',
        'Sesi materi SCORM ini sudah kedaluwarsa. Muat ulang halaman pelajaran untuk melanjutkan.',
      );
    }
    const path = normaliseRequestPath(segments);
    if (!path) throw new AppError(404, 'not-found', 'Berkas tidak ada di paket ini.');
    const rows: { content_prefix: string | null; status: string }[] = await this.db.query(
      'SELECT content_prefix, status FROM scorm_package WHERE id = $1',
      [grant.packageId],
    );
    const prefix = rows[0]?.status === 'ready' ? rows[0].content_prefix : null;
    if (!prefix) throw notFound();
    const key = contentKey(prefix, path);
    const stat = await this.storage.stat(key);
    if (!stat) {
      throw new AppError(404, 'not-found', `Berkas "${path}" tidak ada di paket ini.`);
    }
    const type = lookup(path);
    await sendStoredContent(req, res, this.storage, {
      key,
      size: stat.size,
      contentType: (type && mimeContentType(type)) || 'application/octet-stream',
      maxAgeSeconds: left,
      etag: `${grant.packageId}-${stat.size}`,
      headers: { 'Content-Security-Policy': SCORM_CONTENT_CSP },
    });
  }
}
