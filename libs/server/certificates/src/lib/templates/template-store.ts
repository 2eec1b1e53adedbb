import { Injectable } from '@nestjs/common';
import type { CertificateTemplateFields } from '@siantar/contracts';
import type { EntityManager } from 'typeorm';
import {
  pathIdsSelfFirst,
  resolveTemplate,
  type ResolvedTemplate,
  type UnitOnPath,
} from './template-resolution';

export interface TemplateRow {
  org_unit_id: string;
  title: string;
  intro_text: string;
  issuer_name: string;
  place: string;
  number_format: string;
  signatory_name: string;
  signatory_nip: string | null;
  signatory_position: string;
  logo_file_id: string | null;
  signature_file_id: string | null;
  updated_at: Date;
}

export const templateFields = (r: TemplateRow): CertificateTemplateFields => ({
  title: r.title,
  introText: r.intro_text,
  issuerName: r.issuer_name,
  place: r.place,
  numberFormat: r.number_format,
  signatoryName: r.signatory_name,
  signatoryNip: r.signatory_nip,
  signatoryPosition: r.signatory_position,
  logoFileId: r.logo_file_id,
  signatureFileId: r.signature_file_id,
});

export interface UnitRecord extends UnitOnPath {
  path: string;
}

/** Reads templates and resolves the one a unit's certificates use (own → ancestors → default). */
@Injectable()
export class TemplateStore {
  async unit(em: EntityManager, orgUnitId: string): Promise<UnitRecord | undefined> {
    const rows: UnitRecord[] = await em.query(
      `SELECT id, code, name, path FROM org_unit WHERE id = $1`,
      [orgUnitId],
    );
    return rows[0];
  }

  async resolve(
    em: EntityManager,
    orgUnitId: string,
  ): Promise<ResolvedTemplate & { updatedAt: Date | null }> {
    const unit = await this.unit(em, orgUnitId);
    if (!unit) throw new Error(`org unit ${orgUnitId} does not exist`);
    const ids = pathIdsSelfFirst(unit.path);
    const units: UnitOnPath[] = await em.query(
      `SELECT id, code, name FROM org_unit WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(units.map((u) => [u.id, u]));
    const chain = ids.map((id) => byId.get(id)).filter((u): u is UnitOnPath => Boolean(u));
    const rows: TemplateRow[] = await em.query(
      `SELECT * FROM certificate_template WHERE org_unit_id = ANY($1::uuid[])`,
      [ids],
    );
    const resolved = resolveTemplate(
      chain,
      new Map(rows.map((r) => [r.org_unit_id, templateFields(r)])),
    );
    const row = rows.find((r) => r.org_unit_id === resolved.templateUnit?.id);
    return { ...resolved, updatedAt: row?.updated_at ?? null };
  }
}
