import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { FILE_PURPOSES, type FilePurpose, type StoredFileResponse } from '@siantar/contracts';
import { AppError, CurrentUser, type Principal, Public, Roles } from '@siantar/server-core';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { FilesService } from './files.service';
import { UploadInterceptor } from './upload.interceptor';

export const fileIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new AppError(404, 'not-found', 'Berkas tidak ditemukan.'),
});

export function requireUploadedFile(
  file: Express.Multer.File | undefined,
  what: string,
): Express.Multer.File {
  if (!file) {
    throw new AppError(
      400,
      'files.no-file',
      `Kirim ${what} pada kolom formulir "file" (multipart/form-data).`,
      [{ path: 'file', message: 'wajib diisi' }],
    );
  }
  return file;
}

@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Roles('trainer', 'partner', 'admin')
  @ApiBearerAuth()
  @Post()
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(
    UploadInterceptor((c) => Math.max(c.UPLOAD_LIMIT_BYTES, c.VIDEO_UPLOAD_LIMIT_BYTES)),
  )
  async upload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body('purpose') purpose: unknown,
    @CurrentUser() me: Principal,
  ): Promise<StoredFileResponse> {
    if (typeof purpose !== 'string' || !(FILE_PURPOSES as readonly string[]).includes(purpose)) {
      throw new AppError(
        400,
        'files.bad-purpose',
        `Kolom "purpose" harus salah satu dari: ${FILE_PURPOSES.join(', ')}.`,
        [{ path: 'purpose', message: `harus salah satu dari: ${FILE_PURPOSES.join(', ')}` }],
      );
    }
    const f = requireUploadedFile(file, 'berkas yang diunggah');
    const stored = await this.files.upload(createReadStream(f.path), {
      purpose: purpose as FilePurpose,
      filename: f.originalname,
      uploadedBy: me.id,
    });
    return this.files.toResponse(stored);
  }

  @Public()
  @Get(':id/content')
  content(
    @Param('id', fileIdPipe) id: string,
    @Query('exp') exp: string | undefined,
    @Query('sig') sig: string | undefined,
    @Query('download') download: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.files.serve(req, res, id, { exp, sig, download });
  }
}
