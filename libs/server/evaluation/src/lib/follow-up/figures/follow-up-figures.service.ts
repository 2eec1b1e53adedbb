import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ACTION_ITEM_STATUSES,
  type ActionItemStatus,
  FOLLOW_UP_QUESTIONS,
  type FollowUpFigures,
  type FollowUpOffsetFigures,
} from '@siantar/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { effectiveDays } from '../schedule/follow-up-dates';

type Counts = Omit<FollowUpOffsetFigures, 'offsetDays'>;

const zero = (): Counts => ({
  scheduled: 0,
  pending: 0,
  overdue: 0,
  done: 0,
  reported: 0,
  confirmationsRequired: 0,
  confirmed: 0,
});

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Level 3 figures of a course (all its versions), for the programme page and the authoring
 * screens: action plans written, follow-ups per offset by status, the share confirmed by
 * supervisors, mean questionnaire scores and how the RTL items stand. Access is the
 * caller's business (the service does not check who asks).
 */
@Injectable()
export class FollowUpFiguresService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forCourse(courseId: string, em: EntityManager = this.db.manager): Promise<FollowUpFigures> {
    const [settings, plans, offsets, scores, items] = await Promise.all([
      em.query(`SELECT days FROM follow_up_setting WHERE course_id = $1`, [courseId]) as Promise<
        { days: number[] }[]
      >,
      em.query(
        `SELECT count(*)::int AS completed, count(p.enrolment_id)::int AS submitted
           FROM enrolment e LEFT JOIN action_plan p ON p.enrolment_id = e.id
          WHERE e.course_id = $1 AND e.status = 'completed'`,
        [courseId],
      ) as Promise<{ completed: number; submitted: number }[]>,
      em.query(
        `SELECT f.offset_days,
                count(*) FILTER (WHERE f.status = 'scheduled')::int AS scheduled,
                count(*) FILTER (WHERE f.status = 'open' AND f.answer_by >= now())::int AS pending,
                count(*) FILTER (WHERE f.status = 'open' AND f.answer_by < now())::int AS overdue,
                count(*) FILTER (WHERE f.status = 'done')::int AS done,
                count(*) FILTER (WHERE f.status IN ('open', 'done') AND f.reported_at IS NOT NULL)::int AS reported,
                count(*) FILTER (WHERE f.status IN ('open', 'done') AND f.supervisor_id IS NOT NULL)::int
                  AS "confirmationsRequired",
                count(*) FILTER (WHERE f.status IN ('open', 'done') AND f.confirmed_at IS NOT NULL)::int
                  AS confirmed
           FROM follow_up f JOIN enrolment e ON e.id = f.enrolment_id
          WHERE e.course_id = $1 AND f.status <> 'cancelled'
          GROUP BY f.offset_days ORDER BY f.offset_days`,
        [courseId],
      ) as Promise<({ offset_days: number } & Counts)[]>,
      em.query(
        `SELECT a->>'question' AS question, avg((a->>'score')::int)::float AS average, count(*)::int AS answers
           FROM follow_up f JOIN enrolment e ON e.id = f.enrolment_id,
                jsonb_array_elements(f.answers) a
          WHERE e.course_id = $1 AND f.confirmed_at IS NOT NULL
          GROUP BY 1`,
        [courseId],
      ) as Promise<{ question: string; average: number; answers: number }[]>,
      // Each RTL item's latest reported status (the last follow-up that reported it).
      em.query(
        `SELECT status, count(*)::int AS n FROM (
           SELECT DISTINCT ON (e.id, i->>'itemId') i->>'status' AS status
             FROM follow_up f JOIN enrolment e ON e.id = f.enrolment_id,
                  jsonb_array_elements(f.item_statuses) i
            WHERE e.course_id = $1 AND f.reported_at IS NOT NULL
            ORDER BY e.id, i->>'itemId', f.offset_days DESC) latest
          GROUP BY status`,
        [courseId],
      ) as Promise<{ status: ActionItemStatus; n: number }[]>,
    ]);

    const days = effectiveDays(settings[0]?.days);
    const byOffset = new Map<number, FollowUpOffsetFigures>();
    for (const d of days) byOffset.set(d, { offsetDays: d, ...zero() });
    for (const { offset_days, ...c } of offsets)
      byOffset.set(offset_days, { offsetDays: offset_days, ...c });
    const rows = [...byOffset.values()].sort((a, b) => a.offsetDays - b.offsetDays);
    const totals = zero();
    for (const r of rows)
      for (const k of Object.keys(totals) as (keyof Counts)[]) totals[k] += r[k];
    const itemStatuses = Object.fromEntries(ACTION_ITEM_STATUSES.map((s) => [s, 0])) as Record<
      ActionItemStatus,
      number
    >;
    for (const i of items) if (i.status in itemStatuses) itemStatuses[i.status] = i.n;
    return {
      courseId,
      days,
      completed: plans[0]?.completed ?? 0,
      actionPlansSubmitted: plans[0]?.submitted ?? 0,
      offsets: rows,
      totals,
      supervisorConfirmedPercent:
        totals.confirmationsRequired > 0
          ? round((totals.confirmed / totals.confirmationsRequired) * 100, 1)
          : null,
      averageScores: FOLLOW_UP_QUESTIONS.map((question) => {
        const s = scores.find((x) => x.question === question);
        return { question, average: s ? round(s.average, 2) : null, answers: s?.answers ?? 0 };
      }),
      itemStatuses,
    };
  }
}
