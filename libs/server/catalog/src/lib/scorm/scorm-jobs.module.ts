import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StoredFile } from '../files/stored-file.entity';
import { ScormImportHandler } from './scorm-import.job';
import { ScormPackage } from './scorm-package.entity';

/** The worker side of SCORM packages: the import job. */
@Module({
  imports: [TypeOrmModule.forFeature([ScormPackage, StoredFile])],
  providers: [ScormImportHandler],
})
export class ScormJobsModule {}
