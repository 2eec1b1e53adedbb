import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  SurveyDimension,
  SurveyItemKind,
  SurveyTemplateRequest,
  SurveyTemplateSummary,
  SurveyTemplateView,
} from '@siantar/contracts';
import { adminReaches } from '@siantar/server-catalog';
import { AppError, notFound, type Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import type { FieldError } from './survey-answers';
import { activeItems, templateSummaries } from './survey-policy';

/** The unit at the top of an admin's reach (their scope), or their own unit. */
export const scopeUnitId = (p: Principal): string =>
  (p.adminScopePath ?? '').split('/').filter(Boolean).at(-1) ?? p.orgUnitId;

/**
 * Survey templates, kept by admins. Every admin sees every template (and authors pick from
 * them in the survey settings); a template is changed by admins whose reach holds the unit
 * that owns it; the built-in one never. Items keep their ids: an answered item is retired
 * rather than deleted when it leaves the template, and its kind and dimension stay.
 */
@Injectable()
export class TemplatesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<SurveyTemplateSummary[]> {
    return templateSummaries(this.db.manager);
  }

  get(id: string, p: Principal): Promise<SurveyTemplateView> {
    return this.view(this.db.manager, id, p);
  }

  create(dto: SurveyTemplateRequest, p: Principal): Promise<SurveyTemplateView> {
    return this.db.transaction(async (em) => {
      const errors = shapeErrors(dto);
      dto.items.forEach((i, n) => {
        if (i.id)
          errors.push({ path: `items[${n}].id`, message: 'butir templat baru tidak memiliki id' });
      });
      if (errors.length) throw invalid(errors);
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO survey_template (name, description, owner_org_unit_id, created_by)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [dto.name, dto.description?.trim() ?? '', scopeUnitId(p), p.id],
      );
      for (const [n, item] of dto.items.entries()) await insertItem(em, id, n + 1, item);
      return this.view(em, id, p);
    });
  }

  update(id: string, dto: SurveyTemplateRequest, p: Principal): Promise<SurveyTemplateView> {
    return this.db.transaction(async (em) => {
      // Serialises with respondents, who share-lock the template while they answer.
      const rows: { built_in: boolean; owner_org_unit_id: string | null }[] = await em.query(
        `SELECT built_in, owner_org_unit_id FROM survey_template WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const t = rows[0];
      if (!t) throw notFound('Templat survei');
      if (t.built_in)
        throw new AppError(
          409,
          'survey.template-built-in',
          'Templat bawaan tidak dapat diubah. Buat templat baru bila perlu butir lain.',
        );
      if (!t.owner_org_unit_id || !(await adminReaches(em, t.owner_org_unit_id, p)))
        throw new AppError(
          403,
          'survey.template-out-of-reach',
          'Templat ini milik unit di luar jangkauan Anda; hanya admin unit pemiliknya yang dapat mengubahnya.',
        );
      const existing: {
        id: string;
        kind: SurveyItemKind;
        dimension: SurveyDimension | null;
        answered: boolean;
      }[] = await em.query(
        `SELECT i.id, i.kind, i.dimension, EXISTS (SELECT 1 FROM survey_answer a WHERE a.item_id = i.id) AS answered
           FROM survey_item i WHERE i.template_id = $1`,
        [id],
      );
      const byId = new Map(existing.map((e) => [e.id, e]));
      const errors = shapeErrors(dto);
      const kept = new Set<string>();
      dto.items.forEach((i, n) => {
        if (!i.id) return;
        const e = byId.get(i.id);
        if (!e) {
          errors.push({
            path: `items[${n}].id`,
            message: `butir ${i.id} bukan bagian templat ini`,
          });
          return;
        }
        if (kept.has(i.id))
          errors.push({ path: `items[${n}].id`, message: `butir ${i.id} disebut dua kali` });
        kept.add(i.id);
        if (e.answered && (e.kind !== i.kind || e.dimension !== dimensionOf(i)))
          errors.push({
            path: `items[${n}]`,
            message:
              'butir ini sudah dijawab: jenis dan dimensinya tidak dapat diubah (hapus butir ini dan tambahkan butir baru)',
          });
      });
      if (errors.length) throw invalid(errors);

      for (const e of existing.filter((x) => !kept.has(x.id))) {
        if (e.answered)
          await em.query(
            `UPDATE survey_item SET retired_at = coalesce(retired_at, now()), position = 10000 + position WHERE id = $1`,
            [e.id],
          );
        else await em.query(`DELETE FROM survey_item WHERE id = $1`, [e.id]);
      }
      for (const [n, item] of dto.items.entries()) {
        if (item.id)
          await em.query(
            `UPDATE survey_item SET position = $2, kind = $3, dimension = $4, text = $5, required = $6,
                    retired_at = NULL WHERE id = $1`,
            [item.id, n + 1, item.kind, dimensionOf(item), item.text, requiredOf(item)],
          );
        else await insertItem(em, id, n + 1, item);
      }
      await em.query(
        `UPDATE survey_template SET name = $2, description = $3, updated_at = now() WHERE id = $1`,
        [id, dto.name, dto.description?.trim() ?? ''],
      );
      return this.view(em, id, p);
    });
  }

  private async view(em: EntityManager, id: string, p: Principal): Promise<SurveyTemplateView> {
    const [summary] = await templateSummaries(em, [id]);
    if (!summary) throw notFound('Templat survei');
    const [{ responses }]: { responses: number }[] = await em.query(
      `SELECT count(*)::int AS responses FROM survey_response WHERE template_id = $1`,
      [id],
    );
    return {
      ...summary,
      items: await activeItems(em, id),
      responses,
      editable:
        !summary.builtIn &&
        summary.ownerOrgUnitId !== null &&
        (await adminReaches(em, summary.ownerOrgUnitId, p)),
    };
  }
}

const dimensionOf = (i: { kind: SurveyItemKind; dimension?: SurveyDimension | null }) =>
  i.kind === 'likert' ? (i.dimension ?? null) : null;
const requiredOf = (i: { kind: SurveyItemKind; required?: boolean }) =>
  i.required ?? i.kind === 'likert';

/** What the DTO's field rules cannot see: a likert item at least, no dimension on open questions. */
function shapeErrors(dto: SurveyTemplateRequest): FieldError[] {
  const errors: FieldError[] = [];
  if (!dto.items.some((i) => i.kind === 'likert'))
    errors.push({
      path: 'items',
      message: 'templat harus memiliki minimal satu butir skala 1–5 (likert)',
    });
  dto.items.forEach((i, n) => {
    if (i.kind === 'text' && i.dimension)
      errors.push({
        path: `items[${n}].dimension`,
        message: 'pertanyaan terbuka (text) tidak memiliki dimensi',
      });
  });
  return errors;
}

const invalid = (errors: FieldError[]) =>
  new AppError(
    400,
    'validation',
    `Templat survei tidak valid — ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    errors,
  );

async function insertItem(
  em: EntityManager,
  templateId: string,
  position: number,
  item: SurveyTemplateRequest['items'][number],
): Promise<void> {
  await em.query(
    `INSERT INTO survey_item (template_id, position, kind, dimension, text, required)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [templateId, position, item.kind, dimensionOf(item), item.text, requiredOf(item)],
  );
}
