import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { AppError, EnvSchema } from '@siantar/server-core';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';

/** The types evidence is accepted in (detected from the bytes by FilesService, purpose 'evidence'). */
export const EVIDENCE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/heic',
  'application/zip',
  'application/x-ole-storage',
];
export const EVIDENCE_TYPES_TEXT =
  'dokumen PDF, gambar (PNG, JPEG, WebP, HEIC), atau dokumen Office (Word, Excel, PowerPoint)';

const mb = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;

/**
 * A ZIP is evidence only as an Office Open XML (docx, xlsx, pptx) or OpenDocument package:
 * its first entry is `[Content_Types].xml`, a part of one (`_rels/`, `docProps/`, `word/`,
 * `xl/`, `ppt/`), or the ODF `mimetype` entry. Any other archive is refused.
 */
export function isOfficeZip(buf: Buffer): boolean {
  if (buf.length < 30 || buf.readUInt32LE(0) !== 0x04034b50) return false;
  const nameLength = buf.readUInt16LE(26);
  const extraLength = buf.readUInt16LE(28);
  const name = buf.subarray(30, 30 + nameLength).toString('latin1');
  if (name === 'mimetype') {
    const start = 30 + nameLength + extraLength;
    return buf
      .subarray(start, start + 60)
      .toString('latin1')
      .startsWith('application/vnd.oasis.opendocument.');
  }
  return (
    name === '[Content_Types].xml' ||
    ['_rels/', 'docProps/', 'word/', 'xl/', 'ppt/'].some((p) => name.startsWith(p))
  );
}

/** Refuses a ZIP that is not an Office document, before anything is stored. */
export function assertNotPlainZip(buf: Buffer, filename: string): void {
  if (buf.readUInt32LE(0) === 0x04034b50 && !isOfficeZip(buf)) {
    throw new AppError(
      415,
      'files.wrong-type',
      `Isi berkas "${filename}" terdeteksi sebagai arsip ZIP, padahal bukti tindak lanjut hanya diterima sebagai ${EVIDENCE_TYPES_TEXT}. Unggah dokumennya satu per satu, bukan arsipnya.`,
    );
  }
}

/**
 * Receives the multipart field `file` in memory, up to the upload limit (UPLOAD_LIMIT_BYTES,
 * the same as FilesService applies to evidence): larger → 413.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly receive: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(private readonly config: EnvSchema) {
    this.receive = multer({
      storage: multer.memoryStorage(),
      defParamCharset: 'utf8',
      limits: { fileSize: config.UPLOAD_LIMIT_BYTES, files: 1, fields: 5, fieldSize: 1024 },
    }).single('file');
  }

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    await new Promise<void>((resolve, reject) =>
      this.receive(req, res, (err: unknown) => {
        if (!err) return resolve();
        if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') {
          return reject(
            new AppError(
              413,
              'files.too-large',
              `Berkas bukti melebihi batas ${mb(this.config.UPLOAD_LIMIT_BYTES)}. Perkecil atau kompres berkasnya (mis. foto dengan resolusi lebih rendah), lalu unggah lagi.`,
            ),
          );
        }
        reject(
          new AppError(
            400,
            'files.bad-form',
            'Kirim tepat satu berkas bukti pada kolom formulir "file" (multipart/form-data).',
          ),
        );
      }),
    );
    return next.handle();
  }
}
