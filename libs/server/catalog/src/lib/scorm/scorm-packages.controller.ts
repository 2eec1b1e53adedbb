import { createReadStream } from 'node:fs';
import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { ScormPackageResponse } from '@siantar/contracts';
import { AppError, CurrentUser, type Principal, Public, Roles } from '@siantar/server-core';
import type { Request, Response } from 'express';
import { requireUploadedFile } from '../files/files.controller';
import { UploadInterceptor } from '../files/upload.interceptor';
import { ScormPackagesService } from './scorm-packages.service';

const packageIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new AppError(404, 'not-found', 'Paket SCORM tidak ditemukan.'),
});

@ApiTags('scorm')
@ApiBearerAuth()
@Controller('scorm-packages')
export class ScormPackagesController {
  constructor(private readonly packages: ScormPackagesService) {}

  @Roles('trainer', 'partner', 'admin')
  @Post()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(UploadInterceptor((c) => c.SCORM_MAX_ZIP_BYTES))
  upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentUser() me: Principal,
  ): Promise<ScormPackageResponse> {
    const f = requireUploadedFile(file, 'zip paket SCORM 1.2');
    return this.packages.upload(createReadStream(f.path), f.originalname, me);
  }

  @Roles('trainer', 'partner', 'admin')
  @Get(':id')
  get(
    @Param('id', packageIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<ScormPackageResponse> {
    return this.packages.get(id, me);
  }
}

/** The unpacked files of a package, for the player's iframe; the token is the permission. */
@ApiTags('scorm')
@Controller('scorm-content')
export class ScormContentController {
  constructor(private readonly packages: ScormPackagesService) {}

  @Public()
  @Get(':token/*path')
  content(
    @Param('token') token: string,
    @Param('path') path: string[] | string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.packages.serveContent(req, res, token, path);
  }
}
