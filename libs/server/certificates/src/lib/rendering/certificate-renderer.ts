import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FilesService } from '@siantar/server-catalog';
import { FileStorage, fileSlug } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import type { CertificateSnapshot } from '../issuing/snapshot';
import { renderCertificatePdf } from './certificate-pdf';
import { CertificateSigner } from './certificate-signer';

/** Image types pdfkit can embed. */
export const PDF_IMAGE_TYPES = ['image/png', 'image/jpeg'];

export interface RenderedPdf {
  fileId: string;
  storageKey: string;
  filename: string;
}

/** The file name a certificate's PDF is downloaded as. */
export const certificateFilename = (s: Pick<CertificateSnapshot, 'registerNumber' | 'learner'>) =>
  `sertifikat-${fileSlug(s.registerNumber, 'nomor')}-${fileSlug(s.learner.name, 'peserta')}.pdf`;

async function toBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * Renders a certificate's PDF from its snapshot, has it signed (CertificateSigner), and
 * stores it under a key fixed by the certificate and its issue number, so a retry
 * overwrites the same file. Generated files are stored with purpose `export`, which no
 * lesson can reference; they are handed out through signed URLs after an access check.
 */
@Injectable()
export class CertificateRenderer {
  private readonly logger = new Logger(CertificateRenderer.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly storage: FileStorage,
    private readonly files: FilesService,
    private readonly signer: CertificateSigner,
  ) {}

  /** The PDF of the certificate's current issue, rendered now if it is missing; null: no such certificate. */
  async ensure(certificateId: string): Promise<RenderedPdf | null> {
    const [c]: {
      id: string;
      snapshot: CertificateSnapshot;
      reissue_count: number;
      rendered_revision: number | null;
      file_id: string | null;
      storage_key: string | null;
      filename: string | null;
    }[] = await this.db.query(
      `SELECT c.id, c.snapshot, c.reissue_count, c.rendered_revision, c.file_id, f.storage_key, f.filename
         FROM certificate c LEFT JOIN stored_file f ON f.id = c.file_id
        WHERE c.id = $1`,
      [certificateId],
    );
    if (!c) return null;
    if (c.file_id && c.storage_key && c.filename && c.rendered_revision === c.reissue_count)
      return { fileId: c.file_id, storageKey: c.storage_key, filename: c.filename };

    const s = c.snapshot;
    const pdf = await renderCertificatePdf(s, {
      logo: await this.image(s.template.logoFileId),
      signature: await this.image(s.template.signatureFileId),
    });
    const signed = await this.signer.sign(pdf, {
      certificateId: c.id,
      registerNumber: s.registerNumber,
      signatoryName: s.template.signatoryName,
      signatoryNip: s.template.signatoryNip,
      revision: c.reissue_count,
    });
    const storageKey = `certificates/${c.id}/r${c.reissue_count}.pdf`;
    const filename = certificateFilename(s);
    await this.storage.put(storageKey, signed.pdf);
    const [file]: { id: string }[] = await this.db.query(
      `INSERT INTO stored_file (purpose, storage_key, filename, content_type, size, sha256, uploaded_by)
       VALUES ('export', $1, $2, 'application/pdf', $3, $4, NULL)
       ON CONFLICT (storage_key) DO UPDATE SET filename = EXCLUDED.filename, size = EXCLUDED.size,
         sha256 = EXCLUDED.sha256, created_at = now()
       RETURNING id`,
      [
        storageKey,
        filename,
        signed.pdf.length,
        createHash('sha256').update(signed.pdf).digest('hex'),
      ],
    );
    // Only if no re-issue came in meanwhile: that one's render is queued and will win.
    await this.db.query(
      `UPDATE certificate SET file_id = $2, rendered_revision = $3, signature = $4
        WHERE id = $1 AND reissue_count = $3`,
      [c.id, file.id, c.reissue_count, signed.signature ? JSON.stringify(signed.signature) : null],
    );
    return { fileId: file.id, storageKey, filename };
  }

  /** The bytes of a template image; null (left out of the PDF) when gone or not PNG/JPEG. */
  private async image(fileId: string | null): Promise<Buffer | null> {
    if (!fileId) return null;
    const f = await this.files.get(fileId);
    if (!f || !PDF_IMAGE_TYPES.includes(f.contentType)) {
      this.logger.warn(`template image ${fileId} is missing or not PNG/JPEG; left out`);
      return null;
    }
    return toBuffer(await this.storage.read(f.storageKey));
  }
}
