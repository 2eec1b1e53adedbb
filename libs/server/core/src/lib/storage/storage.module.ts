import { Global, Module } from '@nestjs/common';
import { EnvSchema } from '../config/env.schema';
import { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';

/** The one storage every domain uses; the driver is chosen by STORAGE_DRIVER. */
@Global()
@Module({
  providers: [
    {
      provide: FileStorage,
      inject: [EnvSchema],
      useFactory: (config: EnvSchema): FileStorage =>
        config.STORAGE_DRIVER === 's3'
          ? new S3Storage({
              endpoint: config.S3_ENDPOINT,
              region: config.S3_REGION,
              bucket: config.S3_BUCKET,
              accessKeyId: config.S3_ACCESS_KEY_ID,
              secretAccessKey: config.S3_SECRET_ACCESS_KEY,
              forcePathStyle: config.S3_FORCE_PATH_STYLE === 'true',
              prefix: config.S3_PREFIX,
            })
          : new LocalDiskStorage(config.STORAGE_DIR),
    },
  ],
  exports: [FileStorage],
})
export class StorageModule {}
