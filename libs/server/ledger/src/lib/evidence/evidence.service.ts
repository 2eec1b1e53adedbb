import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvidenceUploadResponse } from '@siantar/contracts';
import { AppError, FileStorage } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import type { FieldError } from '../claims/training-rules';

/** The types a certificate comes in, recognised by their first bytes, never by name. */
export function evidenceType(head: Buffer): string | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  return null;
}

function cleanFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return (base.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'bukti').slice(0, 255);
}

/** Evidence files of external trainings: stored with purpose 'evidence', owned by the uploader. */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly storage: FileStorage,
  ) {}

  async store(
    file: Express.Multer.File | undefined,
    userId: string,
  ): Promise<EvidenceUploadResponse> {
    if (!file) {
      throw new AppError(
        400,
        'files.no-file',
        'Kirim berkas bukti pelatihan (sertifikat atau surat keterangan) pada kolom formulir "file".',
        [{ path: 'file', message: 'wajib diisi' }],
      );
    }
    const filename = cleanFilename(file.originalname);
    if (file.buffer.length === 0) {
      throw new AppError(400, 'files.empty', `Berkas "${filename}" kosong (0 byte).`);
    }
    const type = evidenceType(file.buffer);
    if (!type) {
      throw new AppError(
        415,
        'files.wrong-type',
        `Isi berkas "${filename}" bukan PDF, JPEG, atau PNG. Bukti pelatihan hanya diterima sebagai dokumen PDF atau foto/pindaian JPEG atau PNG; nama atau ekstensi berkas tidak menentukan jenisnya.`,
      );
    }
    const id = randomUUID();
    const key = `files/${id}`;
    await this.storage.put(key, file.buffer);
    try {
      await this.db.query(
        `INSERT INTO stored_file (id, purpose, storage_key, filename, content_type, size, sha256, uploaded_by)
         VALUES ($1, 'evidence', $2, $3, $4, $5, $6, $7)`,
        [
          id,
          key,
          filename,
          type,
          file.buffer.length,
          createHash('sha256').update(file.buffer).digest('hex'),
          userId,
        ],
      );
    } catch (e) {
      await this.storage.deletePrefix(key).catch(() => undefined);
      throw e;
    }
    return { fileId: id, filename };
  }
}

/**
 * What is wrong with the evidence of a claim: it must exist, be an evidence
 * upload, be the uploader's own (when `uploader` is given) and not back another claim.
 */
export async function evidenceFieldErrors(
  em: EntityManager,
  fileId: string | undefined,
  uploader: string | null,
): Promise<FieldError[]> {
  const path = 'evidenceFileId';
  if (!fileId) return uploader ? [{ path, message: 'unggah bukti pelatihan terlebih dahulu' }] : [];
  const rows: { purpose: string; uploaded_by: string | null; used: boolean }[] = await em.query(
    `SELECT f.purpose, f.uploaded_by,
            EXISTS (SELECT 1 FROM external_training_claim c WHERE c.evidence_file_id = f.id) AS used
       FROM stored_file f WHERE f.id = $1`,
    [fileId],
  );
  const f = rows[0];
  if (!f) return [{ path, message: 'berkas bukti tidak ditemukan; unggah ulang buktinya' }];
  if (f.purpose !== 'evidence') {
    return [
      { path, message: 'berkas ini bukan bukti pelatihan; unggah bukti melalui formulir klaim' },
    ];
  }
  if (uploader && f.uploaded_by !== uploader) {
    return [{ path, message: 'berkas bukti ini bukan unggahan Anda; unggah bukti Anda sendiri' }];
  }
  if (f.used) return [{ path, message: 'berkas bukti ini sudah dipakai untuk klaim lain' }];
  return [];
}
