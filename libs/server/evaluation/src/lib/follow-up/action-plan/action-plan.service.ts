import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActionPlanItem, ActionPlanRequest, ActionPlanResponse } from '@siantar/contracts';
import { AppError, type Principal } from '@siantar/server-core';
import { wibDate } from '@siantar/server-ledger';
import type { DataSource, EntityManager } from 'typeorm';

interface PlanRow {
  enrolment_id: string;
  user_id: string;
  course_id: string;
  course_title: string;
  status: string;
  completed_at: Date | null;
  items: ActionPlanItem[] | null;
  submitted_at: Date | null;
  updated_at: Date | null;
  /** The first follow-up's due time (any status); null: none planned. */
  first_due: Date | null;
  /** A follow-up of this enrolment has been asked already. */
  asked: boolean;
}

/** An RTL item may be due at most this long after the course end. */
const MAX_PLAN_DAYS = 2 * 366;

const notFound = () => new AppError(404, 'not-found', 'Pendaftaran pelatihan tidak ditemukan.');

/** Whole days from one YYYY-MM-DD date to another. */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A real calendar date (2026-02-30 is not). */
const realDate = (d: string) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/**
 * The learner's follow-up action plan (RTL) of a completed enrolment. Written once the
 * enrolment is completed (the course end is known, and with it the follow-ups), editable
 * until the first follow-up is due; from then on it is what the follow-ups check.
 */
@Injectable()
export class ActionPlanService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private async load(
    em: EntityManager,
    enrolmentId: string,
    lock: boolean,
  ): Promise<PlanRow | null> {
    const rows: PlanRow[] = await em.query(
      `SELECT e.id AS enrolment_id, e.user_id, e.course_id, coalesce(v.title, c.code) AS course_title,
              e.status, e.completed_at, p.items, p.submitted_at, p.updated_at,
              (SELECT min(f.due_at) FROM follow_up f WHERE f.enrolment_id = e.id) AS first_due,
              EXISTS (SELECT 1 FROM follow_up f WHERE f.enrolment_id = e.id
                         AND f.status IN ('open', 'done')) AS asked
         FROM enrolment e JOIN course c ON c.id = e.course_id
         JOIN course_version v ON v.id = e.version_id
         LEFT JOIN action_plan p ON p.enrolment_id = e.id
        WHERE e.id = $1 ${lock ? 'FOR UPDATE OF e' : ''}`,
      [enrolmentId],
    );
    return rows[0] ?? null;
  }

  private view(r: PlanRow, now: Date): ActionPlanResponse {
    return {
      enrolmentId: r.enrolment_id,
      courseId: r.course_id,
      courseTitle: r.course_title,
      completedAt: r.completed_at?.toISOString() ?? null,
      submittedAt: r.submitted_at?.toISOString() ?? null,
      updatedAt: r.updated_at?.toISOString() ?? null,
      items: r.items ?? [],
      editable: this.refusal(r, now) === null,
      editableUntil: r.first_due?.toISOString() ?? null,
    };
  }

  /** Why the plan cannot be written now, or null. */
  private refusal(r: PlanRow, now: Date): AppError | null {
    if (r.status !== 'completed' || !r.completed_at) {
      return new AppError(
        409,
        'follow-up.plan-not-yet',
        'Rencana tindak lanjut (RTL) diisi setelah pelatihan selesai. Selesaikan semua syarat kelulusan pelatihan ini terlebih dahulu.',
      );
    }
    if (r.asked || (r.first_due && r.first_due.getTime() <= now.getTime())) {
      return new AppError(
        409,
        'follow-up.plan-frozen',
        'Rencana tindak lanjut (RTL) tidak dapat diubah lagi: evaluasi pasca pelatihan pertama sudah dimulai. Laporkan kemajuannya melalui laporan tindak lanjut.',
      );
    }
    return null;
  }

  async get(enrolmentId: string, p: Principal, now = new Date()): Promise<ActionPlanResponse> {
    const r = await this.load(this.db.manager, enrolmentId, false);
    if (!r || r.user_id !== p.id) throw notFound();
    return this.view(r, now);
  }

  async put(
    enrolmentId: string,
    dto: ActionPlanRequest,
    p: Principal,
    now = new Date(),
  ): Promise<ActionPlanResponse> {
    return this.db.transaction(async (em) => {
      const r = await this.load(em, enrolmentId, true);
      if (!r || r.user_id !== p.id) throw notFound();
      const refused = this.refusal(r, now);
      if (refused) throw refused;
      const end = wibDate(r.completed_at as Date);
      const errors: { path: string; message: string }[] = [];
      const known = new Set((r.items ?? []).map((i) => i.id));
      const seen = new Set<string>();
      dto.items.forEach((it, i) => {
        if (!realDate(it.dueDate))
          errors.push({ path: `items[${i}].dueDate`, message: 'tanggal tidak ada di kalender' });
        else if (it.dueDate < end)
          errors.push({
            path: `items[${i}].dueDate`,
            message: `paling cepat tanggal pelatihan selesai (${end})`,
          });
        else if (daysBetween(end, it.dueDate) > MAX_PLAN_DAYS)
          errors.push({
            path: `items[${i}].dueDate`,
            message: 'paling lambat dua tahun setelah pelatihan selesai',
          });
        if (it.id && (!known.has(it.id) || seen.has(it.id)))
          errors.push({
            path: `items[${i}].id`,
            message: 'bukan butir RTL ini; hapus id untuk butir baru',
          });
        if (it.id) seen.add(it.id);
      });
      if (errors.length > 0) {
        throw new AppError(
          400,
          'validation',
          'Rencana tindak lanjut belum dapat disimpan. Periksa isian yang ditandai.',
          errors,
        );
      }
      const items: ActionPlanItem[] = dto.items.map((it) => ({
        id: it.id ?? randomUUID(),
        action: it.action,
        dueDate: it.dueDate,
        measure: it.measure,
      }));
      await em.query(
        `INSERT INTO action_plan (enrolment_id, items) VALUES ($1, $2)
         ON CONFLICT (enrolment_id) DO UPDATE SET items = EXCLUDED.items, updated_at = now()`,
        [enrolmentId, JSON.stringify(items)],
      );
      const saved = await this.load(em, enrolmentId, false);
      return this.view(saved as PlanRow, now);
    });
  }
}
