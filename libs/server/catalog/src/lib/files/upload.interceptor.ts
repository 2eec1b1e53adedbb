import { unlink } from 'node:fs/promises';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  mixin,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { AppError, EnvSchema } from '@siantar/server-core';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';

export const megabytes = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;

function toAppError(err: unknown, limit: number): AppError {
  if (err instanceof multer.MulterError) {
    switch (err.code) {
      case 'LIMIT_FILE_SIZE':
        return new AppError(
          413,
          'files.too-large',
          `Berkas melebihi batas unggah ${megabytes(limit)}. Perkecil atau kompres berkasnya, lalu unggah lagi.`,
        );
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
        return new AppError(
          400,
          'files.one-file',
          'Kirim tepat satu berkas pada kolom formulir "file" (multipart/form-data).',
        );
      default:
        return new AppError(
          400,
          'files.bad-form',
          `Formulir unggahan tidak dapat dibaca: ${err.message}.`,
        );
    }
  }
  return new AppError(
    400,
    'files.bad-form',
    `Formulir unggahan tidak dapat dibaca (${err instanceof Error ? err.message : String(err)}). Kirim multipart/form-data dengan kolom "file".`,
  );
}

/**
 * Receives the multipart field `file` into a temporary file on disk (never in
 * memory: videos are large), with a byte limit read from the config. The
 * temporary file is removed when the response ends.
 */
export function UploadInterceptor(limit: (config: EnvSchema) => number): Type<NestInterceptor> {
  @Injectable()
  class Upload implements NestInterceptor {
    private readonly limit: number;
    private readonly receive: RequestHandler;

    constructor(config: EnvSchema) {
      this.limit = limit(config);
      this.receive = multer({
        storage: multer.diskStorage({}),
        // Browsers send file names as UTF-8 ("Surat Edaran – 2025.pdf"), not Latin-1.
        defParamCharset: 'utf8',
        limits: { fileSize: this.limit, files: 1, fields: 10, fieldSize: 4096 },
      }).single('file');
    }

    async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const req = ctx.switchToHttp().getRequest<Request>();
      const res = ctx.switchToHttp().getResponse<Response>();
      res.on('close', () => {
        if (req.file?.path) void unlink(req.file.path).catch(() => undefined);
      });
      await new Promise<void>((resolve, reject) =>
        this.receive(req, res, (err: unknown) =>
          err ? reject(toAppError(err, this.limit)) : resolve(),
        ),
      );
      return next.handle();
    }
  }
  return mixin(Upload);
}
