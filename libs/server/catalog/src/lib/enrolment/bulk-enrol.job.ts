import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BulkEnrolJob as Payload } from '@siantar/contracts';
import { committedRow, HandlesJob, type JobContext, type JobHandler } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { EnrolmentNotices } from './enrolment-notices';
import { EnrolmentRules } from './enrolment-rules';

const CHUNK = 500;

interface Criteria {
  userIds?: string[];
  orgUnitIds?: string[];
  positions?: string[];
  /** The requesting admin's reach: nobody outside it is enrolled. */
  scopePath: string | null;
}

/**
 * Enrols everyone the request names, in chunks, reporting progress. Running it
 * again (a retry after a crash) enrols nobody twice: the partial unique index
 * on live enrolments makes each insert a no-op for people already in.
 */
@Injectable()
@HandlesJob('catalog.bulk-enrol')
export class BulkEnrolHandler implements JobHandler<'catalog.bulk-enrol'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: EnrolmentRules,
    private readonly notices: EnrolmentNotices,
  ) {}

  async handle({ requestId }: Payload, ctx: JobContext): Promise<void> {
    const req = await committedRow(ctx, `bulk enrolment request ${requestId}`, async () => {
      const rows: {
        course_id: string;
        requested_by: string;
        criteria: Criteria;
        status: string;
      }[] = await this.db.query(
        `SELECT course_id, requested_by, criteria, status FROM bulk_enrol_request WHERE id = $1`,
        [requestId],
      );
      return rows[0];
    });
    if (!req || req.status === 'done') return;
    const closed = await this.rules.closedReason(this.db.manager, req.course_id, req.requested_by);
    if (closed) {
      await this.db.query(
        `UPDATE bulk_enrol_request SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
        [requestId, closed],
      );
      return;
    }
    const c = req.criteria;
    const scope = c.scopePath ?? '\0';
    const people: { id: string }[] = await this.db.query(
      `SELECT DISTINCT u.id FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
        WHERE u.active AND o.path LIKE $4 || '%'
          AND (u.id = ANY($1::uuid[])
               OR EXISTS (SELECT 1 FROM org_unit t WHERE t.id = ANY($2::uuid[]) AND o.path LIKE t.path || '%')
               OR lower(u.position) = ANY($3::text[]))
        ORDER BY u.id`,
      [c.userIds ?? [], c.orgUnitIds ?? [], (c.positions ?? []).map((p) => p.toLowerCase()), scope],
    );
    const found = new Set(people.map((p) => p.id));
    const skipped = (c.userIds ?? [])
      .filter((id) => !found.has(id))
      .map((userId) => ({
        userId,
        reason: 'pengguna tidak ditemukan, nonaktif, atau di luar wilayah kewenangan admin',
      }));
    await this.db.query(
      `UPDATE bulk_enrol_request SET status = 'running', total = $2, skipped = $3 WHERE id = $1`,
      [requestId, people.length, JSON.stringify(skipped)],
    );
    let enrolled = 0;
    for (let i = 0; i < people.length; i += CHUNK) {
      const ids = people.slice(i, i + CHUNK).map((p) => p.id);
      // Enrolments and their notices in one transaction: a retried chunk plans nothing twice.
      const inserted = await this.db.transaction(async (em) => {
        const rows: { id: string }[] = await em.query(
          `INSERT INTO enrolment (course_id, version_id, user_id, source, enrolled_by)
           SELECT c.id, c.current_version_id, u, 'bulk', $3 FROM course c, unnest($2::uuid[]) u WHERE c.id = $1
           ON CONFLICT (course_id, user_id) WHERE status <> 'withdrawn' DO NOTHING RETURNING id`,
          [req.course_id, ids, req.requested_by],
        );
        await this.notices.enrolled(
          em,
          rows.map((r) => r.id),
        );
        return rows;
      });
      enrolled += inserted.length;
      const progress = Math.round(((i + ids.length) / people.length) * 100);
      await this.db.query(`UPDATE bulk_enrol_request SET progress = $2 WHERE id = $1`, [
        requestId,
        progress,
      ]);
      await ctx.updateProgress(progress);
    }
    // Counted from the table, not the loop, so a retried run reports the same totals.
    const [{ n }] = await this.db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM enrolment WHERE course_id = $1 AND user_id = ANY($2::uuid[]) AND status <> 'withdrawn'`,
      [req.course_id, people.map((p) => p.id)],
    );
    await this.db.query(
      `UPDATE bulk_enrol_request SET status = 'done', progress = 100, enrolled = enrolled + $2,
              already_enrolled = $3 - (enrolled + $2), finished_at = now() WHERE id = $1`,
      [requestId, enrolled, Number(n)],
    );
  }
}
