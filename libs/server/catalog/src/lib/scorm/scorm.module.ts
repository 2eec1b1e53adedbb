import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module';
import { StoredFile } from '../files/stored-file.entity';
import { ScormPackage } from './scorm-package.entity';
import { ScormContentController, ScormPackagesController } from './scorm-packages.controller';
import { ScormPackagesService } from './scorm-packages.service';

/** The api side of SCORM packages: upload, status, launch URLs and content. */
@Module({
  imports: [TypeOrmModule.forFeature([ScormPackage, StoredFile]), FilesModule],
  controllers: [ScormPackagesController, ScormContentController],
  providers: [ScormPackagesService],
  exports: [ScormPackagesService],
})
export class ScormModule {}
