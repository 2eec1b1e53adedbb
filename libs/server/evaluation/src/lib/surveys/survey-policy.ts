import type {
  SurveyDimension,
  SurveyItemKind,
  SurveyItemView,
  SurveyTemplateSummary,
} from '@siantar/contracts';
import { DEFAULT_ANONYMITY_THRESHOLD } from '@siantar/contracts';
import { AppError } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';

/** How a course's or session's survey is run: the settings row, or the defaults without one. */
export interface SurveyPolicy {
  templateId: string;
  templateName: string;
  templateDescription: string;
  /** Course surveys: required by the survey settings (the version's rule is separate). */
  required: boolean;
  threshold: number;
  individualVisibleToAdmins: boolean;
  configured: boolean;
}

interface PolicyRow {
  template_id: string;
  name: string;
  description: string;
  required: boolean;
  anonymity_threshold: number;
  individual_visible_to_admins: boolean;
  configured: boolean;
}

const toPolicy = (r: PolicyRow): SurveyPolicy => ({
  templateId: r.template_id,
  templateName: r.name,
  templateDescription: r.description,
  required: r.required,
  threshold: r.anonymity_threshold,
  individualVisibleToAdmins: r.individual_visible_to_admins,
  configured: r.configured,
});

/** The defaults: the built-in template, not required, threshold 5, no individual view. */
const DEFAULTS_SQL = `
  SELECT t.id AS template_id, t.name, t.description, false AS required,
         ${DEFAULT_ANONYMITY_THRESHOLD} AS anonymity_threshold,
         false AS individual_visible_to_admins, false AS configured
    FROM survey_template t WHERE t.built_in`;

export async function coursePolicy(em: EntityManager, courseId: string): Promise<SurveyPolicy> {
  const rows: PolicyRow[] = await em.query(
    `SELECT s.template_id, t.name, t.description, s.required, s.anonymity_threshold,
            s.individual_visible_to_admins, true AS configured
       FROM course_survey s JOIN survey_template t ON t.id = s.template_id WHERE s.course_id = $1
     UNION ALL (${DEFAULTS_SQL}) ORDER BY configured DESC LIMIT 1`,
    [courseId],
  );
  return toPolicy(rows[0]);
}

export async function sessionPolicy(em: EntityManager, sessionId: string): Promise<SurveyPolicy> {
  const rows: PolicyRow[] = await em.query(
    `SELECT s.template_id, t.name, t.description, false AS required, s.anonymity_threshold,
            s.individual_visible_to_admins, true AS configured
       FROM live_session_survey s JOIN survey_template t ON t.id = s.template_id WHERE s.session_id = $1
     UNION ALL (${DEFAULTS_SQL}) ORDER BY configured DESC LIMIT 1`,
    [sessionId],
  );
  return toPolicy(rows[0]);
}

interface ItemRow {
  id: string;
  kind: SurveyItemKind;
  dimension: SurveyDimension | null;
  text: string;
  required: boolean;
}

/** A template's current items, in order. */
export async function activeItems(
  em: EntityManager,
  templateId: string,
): Promise<SurveyItemView[]> {
  const rows: ItemRow[] = await em.query(
    `SELECT id, kind, dimension, text, required FROM survey_item
      WHERE template_id = $1 AND retired_at IS NULL ORDER BY position`,
    [templateId],
  );
  return rows.map((r) => ({ ...r }));
}

/** Templates as the lists show them; every template when `ids` is omitted. */
export async function templateSummaries(
  em: EntityManager,
  ids?: string[],
): Promise<SurveyTemplateSummary[]> {
  const rows: {
    id: string;
    name: string;
    description: string;
    built_in: boolean;
    owner_org_unit_id: string | null;
    owner_name: string | null;
    likert: number;
    text: number;
    updated_at: Date;
  }[] = await em.query(
    `SELECT t.id, t.name, t.description, t.built_in, t.owner_org_unit_id, o.name AS owner_name, t.updated_at,
            count(i.id) FILTER (WHERE i.kind = 'likert')::int AS likert,
            count(i.id) FILTER (WHERE i.kind = 'text')::int AS text
       FROM survey_template t LEFT JOIN org_unit o ON o.id = t.owner_org_unit_id
       LEFT JOIN survey_item i ON i.template_id = t.id AND i.retired_at IS NULL
      WHERE $1::uuid[] IS NULL OR t.id = ANY ($1::uuid[])
      GROUP BY t.id, o.name ORDER BY t.built_in DESC, t.name, t.id`,
    [ids ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    builtIn: r.built_in,
    ownerOrgUnitId: r.owner_org_unit_id,
    ownerOrgUnitName: r.owner_name,
    likertItems: r.likert,
    textItems: r.text,
    updatedAt: r.updated_at.toISOString(),
  }));
}

/** The template a setting names; a 400 naming the field when there is none. */
export async function requireTemplate(em: EntityManager, templateId: string): Promise<void> {
  const rows: unknown[] = await em.query(`SELECT 1 FROM survey_template WHERE id = $1`, [
    templateId,
  ]);
  if (rows.length === 0)
    throw new AppError(400, 'validation', 'Templat survei tidak ditemukan.', [
      { path: 'templateId', message: `templat ${templateId} tidak ada` },
    ]);
}
