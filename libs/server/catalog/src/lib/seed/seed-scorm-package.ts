import { type EnvSchema, LocalDiskStorage } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { FilesService } from '../files/files.service';
import { StoredFile } from '../files/stored-file.entity';
import { buildDemoScormZip } from '../scorm/demo-package';
import { ScormImportHandler } from '../scorm/scorm-import.job';
import { ScormPackage } from '../scorm/scorm-package.entity';

/** Entities the seed's DataSource must know to import a package. */
export const SEED_ENTITIES = [StoredFile, ScormPackage];

/**
 * Uploads and imports the demo SCORM 1.2 package in-process, through the same
 * upload checks and import job code the api and worker use, so the demo works
 * before any worker has started. Returns the package id.
 */
export async function seedDemoScormPackage(
  ds: DataSource,
  config: EnvSchema,
  uploadedBy: string | null,
): Promise<string> {
  const storage = new LocalDiskStorage(config.STORAGE_DIR);
  const files = new FilesService(ds, storage, config);
  const zip = await buildDemoScormZip();
  const file = await files.upload(zip, {
    purpose: 'scorm',
    filename: 'simulasi-loket-disdukcapil.zip',
    uploadedBy,
  });
  const pkg = await ds.manager.save(
    ds.manager.create(ScormPackage, {
      fileId: file.id,
      uploadedBy,
      status: 'queued',
      progress: 0,
      items: [],
    }),
  );
  await new ScormImportHandler(ds, storage, config).handle(
    { packageId: pkg.id },
    {
      jobId: `seed-${pkg.id}`,
      attempt: 1,
      log: () => Promise.resolve(),
      updateProgress: () => Promise.resolve(),
    },
  );
  const ready = await ds.manager.findOneByOrFail(ScormPackage, { id: pkg.id });
  if (ready.status !== 'ready')
    throw new Error(`demo SCORM package was refused: ${ready.error ?? ready.status}`);
  return pkg.id;
}
