import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CertificateTemplateRequest, CertificateTemplateView } from '@siantar/contracts';
import { adminReaches, FilesService } from '@siantar/server-catalog';
import { AppError, type Principal } from '@siantar/server-core';
import { wibDate } from '@siantar/server-ledger';
import type { DataSource, EntityManager } from 'typeorm';
import { formatRegisterNumber } from '../issuing/register-number';
import { PDF_IMAGE_TYPES } from '../rendering/certificate-renderer';
import { TemplateStore } from './template-store';

const unitNotFound = () => new AppError(404, 'not-found', 'Unit organisasi tidak ditemukan.');

/** Templates per issuing unit, for admins whose reach holds the unit. */
@Injectable()
export class TemplatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: TemplateStore,
    private readonly files: FilesService,
  ) {}

  private async reachable(em: EntityManager, p: Principal, orgUnitId: string) {
    const unit = await this.store.unit(em, orgUnitId);
    if (!unit || !(await adminReaches(em, unit.id, p))) throw unitNotFound();
    return unit;
  }

  async get(p: Principal, orgUnitId: string): Promise<CertificateTemplateView> {
    const unit = await this.reachable(this.db.manager, p, orgUnitId);
    return this.view(this.db.manager, unit.id, unit.name);
  }

  async put(
    p: Principal,
    orgUnitId: string,
    dto: CertificateTemplateRequest,
  ): Promise<CertificateTemplateView> {
    const unit = await this.reachable(this.db.manager, p, orgUnitId);
    await this.checkImage(dto.logoFileId ?? null, 'logoFileId', 'logo');
    await this.checkImage(dto.signatureFileId ?? null, 'signatureFileId', 'tanda tangan');
    await this.db.query(
      `INSERT INTO certificate_template (org_unit_id, title, intro_text, issuer_name, place, number_format,
                                         signatory_name, signatory_nip, signatory_position, logo_file_id,
                                         signature_file_id, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
       ON CONFLICT (org_unit_id) DO UPDATE SET
         title = EXCLUDED.title, intro_text = EXCLUDED.intro_text, issuer_name = EXCLUDED.issuer_name,
         place = EXCLUDED.place, number_format = EXCLUDED.number_format,
         signatory_name = EXCLUDED.signatory_name, signatory_nip = EXCLUDED.signatory_nip,
         signatory_position = EXCLUDED.signatory_position, logo_file_id = EXCLUDED.logo_file_id,
         signature_file_id = EXCLUDED.signature_file_id, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        unit.id,
        dto.title,
        dto.introText,
        dto.issuerName,
        dto.place,
        dto.numberFormat,
        dto.signatoryName,
        dto.signatoryNip ?? null,
        dto.signatoryPosition,
        dto.logoFileId ?? null,
        dto.signatureFileId ?? null,
        p.id,
      ],
    );
    return this.view(this.db.manager, unit.id, unit.name);
  }

  /** Drops the unit's own template: its certificates use the inherited (or default) one again. */
  async remove(p: Principal, orgUnitId: string): Promise<CertificateTemplateView> {
    const unit = await this.reachable(this.db.manager, p, orgUnitId);
    await this.db.query(`DELETE FROM certificate_template WHERE org_unit_id = $1`, [unit.id]);
    return this.view(this.db.manager, unit.id, unit.name);
  }

  /** An uploaded image (purpose cover) that the PDF can embed: PNG or JPEG. */
  private async checkImage(fileId: string | null, path: string, what: string): Promise<void> {
    if (!fileId) return;
    const f = await this.files.get(fileId);
    const problem = !f
      ? `berkas ${what} tidak ditemukan; unggah dulu lewat POST /files (purpose "cover")`
      : f.purpose !== 'cover'
        ? `berkas ${what} harus diunggah sebagai gambar (purpose "cover")`
        : !PDF_IMAGE_TYPES.includes(f.contentType)
          ? `gambar ${what} harus PNG atau JPEG (diterima ${f.contentType})`
          : null;
    if (problem)
      throw new AppError(400, 'validation', `Data tidak valid — ${path}: ${problem}`, [
        { path, message: problem },
      ]);
  }

  private async view(
    em: EntityManager,
    orgUnitId: string,
    orgUnitName: string,
  ): Promise<CertificateTemplateView> {
    const t = await this.store.resolve(em, orgUnitId);
    const today = wibDate(new Date());
    const year = Number(today.slice(0, 4));
    const [counter]: { last_seq: number }[] = await em.query(
      `SELECT last_seq FROM certificate_counter WHERE issuer_org_unit_id = $1 AND year = $2`,
      [t.issuer.id, year],
    );
    return {
      orgUnitId,
      orgUnitName,
      source: t.source,
      templateOrgUnitId: t.templateUnit?.id ?? null,
      templateOrgUnitName: t.templateUnit?.name ?? null,
      fields: t.fields,
      logoUrl: t.fields.logoFileId ? this.files.signedUrl(t.fields.logoFileId) : null,
      signatureUrl: t.fields.signatureFileId
        ? this.files.signedUrl(t.fields.signatureFileId)
        : null,
      numberPreview: formatRegisterNumber(t.fields.numberFormat, {
        seq: (counter?.last_seq ?? 0) + 1,
        year,
        month: Number(today.slice(5, 7)),
        issuerCode: t.issuer.code,
      }),
      updatedAt: t.updatedAt?.toISOString() ?? null,
    };
  }
}
