import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ScormImportJob as Payload } from '@siantar/contracts';
import {
  DEFAULT_JOB_OPTIONS,
  EnvSchema,
  FileStorage,
  committedRow,
  HandlesJob,
  type JobContext,
  type JobHandler,
} from '@siantar/server-core';
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { StoredFile } from '../files/stored-file.entity';
import { decodeManifest, parseManifest } from './manifest';
import { contentKey, hrefFilePath } from './package-paths';
import { countedStream, entryStream, openPackage, readManifestBytes } from './package-zip';
import { ScormPackage } from './scorm-package.entity';
import { ScormRefusal } from './scorm-refusal';

export const scormContentPrefix = (packageId: string) => `scorm/${packageId}`;

/**
 * Validates an uploaded SCORM 1.2 zip and unpacks it into storage under
 * `scorm/<packageId>/`. Every check on the zip's directory happens before a
 * byte is extracted; sizes are enforced again while extracting. Idempotent:
 * a ready package is left alone, a retry after a crash starts from an empty
 * prefix. Refusals fail the job at once (no retry); other errors retry.
 */
@Injectable()
@HandlesJob('catalog.scorm-import')
export class ScormImportHandler implements JobHandler<'catalog.scorm-import'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly storage: FileStorage,
    private readonly config: EnvSchema,
  ) {}

  async handle({ packageId }: Payload, ctx: JobContext): Promise<void> {
    const pkg = await committedRow(ctx, `scorm package ${packageId}`, () =>
      this.db.manager.findOneBy(ScormPackage, { id: packageId }),
    );
    if (!pkg) return;
    if (pkg.status === 'ready' || pkg.status === 'failed') {
      await ctx.log(`package already ${pkg.status}; nothing to do`);
      return;
    }
    const file = await this.db.manager.findOneBy(StoredFile, { id: pkg.fileId });
    if (!file)
      throw new UnrecoverableError(`stored file ${pkg.fileId} of package ${packageId} is gone`);

    const prefix = scormContentPrefix(packageId);
    const work = await mkdtemp(join(tmpdir(), 'scorm-import-'));
    try {
      await this.db.manager.update(ScormPackage, packageId, {
        status: 'processing',
        progress: 0,
        error: null,
      });
      await this.storage.deletePrefix(prefix);
      const zipPath = join(work, 'package.zip');
      await pipeline(await this.storage.read(file.storageKey), createWriteStream(zipPath));
      await this.importZip(packageId, zipPath, prefix, ctx);
    } catch (e) {
      await this.storage.deletePrefix(prefix).catch(() => undefined);
      if (e instanceof ScormRefusal) {
        await this.fail(packageId, e.message);
        throw new UnrecoverableError(e.message);
      }
      const message = e instanceof Error ? e.message : String(e);
      if (ctx.attempt >= (DEFAULT_JOB_OPTIONS.attempts ?? 1)) {
        await this.fail(
          packageId,
          `Paket gagal diproses setelah ${ctx.attempt} kali mencoba (${message}). Unggah ulang paketnya; bila berulang, hubungi admin.`,
        );
      } else {
        await this.db.manager
          .update(ScormPackage, packageId, { status: 'queued', progress: 0 })
          .catch(() => undefined);
      }
      throw e;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private async fail(packageId: string, error: string): Promise<void> {
    await this.db.manager.update(ScormPackage, packageId, {
      status: 'failed',
      progress: 0,
      error,
    });
  }

  private async importZip(
    packageId: string,
    zipPath: string,
    prefix: string,
    ctx: JobContext,
  ): Promise<void> {
    const listing = await openPackage(zipPath, {
      maxFiles: this.config.SCORM_MAX_FILES,
      maxUnpackedBytes: this.config.SCORM_MAX_UNPACKED_BYTES,
    });
    const { zip, files, totalBytes } = listing;
    try {
      const manifest = parseManifest(
        decodeManifest(await readManifestBytes(zip, listing.manifest)),
      );
      const paths = new Set(files.map((f) => f.path));
      for (const { item, href } of manifest.launchFiles) {
        const raw = href.split(/[?#]/)[0];
        if (!paths.has(raw) && !paths.has(hrefFilePath(href))) {
          throw new ScormRefusal(
            `Berkas "${raw}" yang dibuka oleh item "${item}" tidak ada di dalam paket. Sertakan berkas itu atau perbaiki href di imsmanifest.xml.`,
          );
        }
      }

      let reported = 0;
      const report = async (percent: number) => {
        if (percent < reported + 5 && percent !== 100) return;
        reported = percent;
        await ctx.updateProgress(percent);
        await this.db.manager.update(ScormPackage, packageId, { progress: percent });
      };
      await report(5);

      const budget = { left: this.config.SCORM_MAX_UNPACKED_BYTES };
      let done = 0;
      for (const f of files) {
        const src = countedStream(await entryStream(zip, f.entry), budget, f.path);
        await this.storage.put(contentKey(prefix, f.path), src);
        done += f.size;
        await report(5 + Math.floor((90 * done) / Math.max(1, totalBytes)));
      }

      await this.db.manager.update(ScormPackage, packageId, {
        status: 'ready',
        progress: 100,
        error: null,
        title: manifest.title.slice(0, 500),
        scormVersion: manifest.scormVersion,
        launchHref: manifest.launchHref,
        items: manifest.items,
        fileCount: files.length,
        totalBytes,
        contentPrefix: prefix,
      });
      await ctx.updateProgress(100);
      await ctx.log(`imported "${manifest.title}": ${files.length} files, ${totalBytes} bytes`);
    } finally {
      zip.close();
    }
  }
}
