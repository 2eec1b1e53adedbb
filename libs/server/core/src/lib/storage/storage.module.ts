import { Global, Module } from '@nestjs/common';
import { EnvSchema } from '../config/env.schema';
import { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';

/** The one storage every domain uses; the driver is chosen by STORAGE_DRIVER. */
@Global()
@Module({
  providers: [
    {
      provide: FileStorage,
      inject: [EnvSchema],
      useFactory: (config: EnvSchema): FileStorage => new LocalDiskStorage(config.STORAGE_DIR),
    },
  ],
  exports: [FileStorage],
})
export class StorageModule {}
