import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { AppError } from '@siantar/server-core';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';

/** Evidence of a training: a scan or photo of a certificate, at most 10 MB. */
export const EVIDENCE_LIMIT_BYTES = 10 * 1024 * 1024;

const receive = multer({
  storage: multer.memoryStorage(),
  defParamCharset: 'utf8',
  limits: { fileSize: EVIDENCE_LIMIT_BYTES, files: 1, fields: 5, fieldSize: 1024 },
}).single('file');

function toAppError(err: unknown): AppError {
  if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') {
    return new AppError(
      413,
      'files.too-large',
      'Berkas bukti melebihi batas 10 MB. Perkecil atau kompres berkasnya (mis. pindai ulang dengan resolusi lebih rendah), lalu unggah lagi.',
    );
  }
  return new AppError(
    400,
    'files.bad-form',
    'Kirim tepat satu berkas bukti pada kolom formulir "file" (multipart/form-data).',
  );
}

/** Receives the multipart field `file` in memory (small files only). */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    await new Promise<void>((resolve, reject) =>
      receive(req, res, (err: unknown) => (err ? reject(toAppError(err)) : resolve())),
    );
    return next.handle();
  }
}
