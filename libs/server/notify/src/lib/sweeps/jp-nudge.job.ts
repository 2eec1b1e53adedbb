import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotifyJpNudgeJob as Payload } from '@siantar/contracts';
import { HandlesJob, type JobContext, type JobHandler } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { NotificationPlanner } from '../planner/notification-planner';
import { runDay } from './run-day';

/** Names listed in a supervisor's summary; the rest are counted. */
export const TEAM_SUMMARY_NAMES = 30;

interface BehindRow {
  user_id: string;
  name: string;
  supervisor_id: string | null;
  jp: string;
  target: number;
}

/**
 * Late in the year (a job scheduler on the 1st of October, November and December, 08:00
 * WIB): each active PNS/PPPK below their type's yearly target is told where they stand,
 * and each supervisor gets one summary of their direct reports who are behind.
 */
@Injectable()
@HandlesJob('notify.jp-nudge')
export class JpNudgeHandler implements JobHandler<'notify.jp-nudge'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly planner: NotificationPlanner,
  ) {}

  async handle(payload: Payload, ctx: JobContext): Promise<void> {
    const { day, dueAt } = runDay(payload.day);
    const year = Number(day.slice(0, 4));
    const behind: BehindRow[] = await this.db.query(
      `SELECT u.id AS user_id, u.name, u.supervisor_id, coalesce(t.jp, 0) AS jp, g.jp AS target
         FROM app_user u
         JOIN jp_target g ON g.employment_type = u.employment_type
         LEFT JOIN ledger_year_total t ON t.user_id = u.id AND t.year = $1
        WHERE u.active AND 'learner' = ANY(u.roles) AND coalesce(t.jp, 0) < g.jp
        ORDER BY coalesce(t.jp, 0), lower(u.name), u.id`,
      [year],
    );
    const em = this.db.manager;
    for (const b of behind)
      await this.planner.plan(em, {
        event: 'jp-nudge',
        userId: b.user_id,
        targetId: null,
        dueAt,
        data: { year, jp: Number(b.jp), target: b.target },
      });

    const teams: { supervisor_id: string; team: number }[] = await this.db.query(
      `SELECT u.supervisor_id, count(*)::int AS team
         FROM app_user u JOIN app_user s ON s.id = u.supervisor_id AND s.active
         JOIN jp_target g ON g.employment_type = u.employment_type
        WHERE u.active AND 'learner' = ANY(u.roles)
        GROUP BY u.supervisor_id`,
    );
    const bySupervisor = new Map<string, BehindRow[]>();
    for (const b of behind)
      if (b.supervisor_id)
        bySupervisor.set(b.supervisor_id, [...(bySupervisor.get(b.supervisor_id) ?? []), b]);
    let summaries = 0;
    for (const { supervisor_id, team } of teams) {
      const theirs = bySupervisor.get(supervisor_id) ?? [];
      if (theirs.length === 0) continue;
      summaries++;
      await this.planner.plan(em, {
        event: 'jp-team-summary',
        userId: supervisor_id,
        targetId: null,
        dueAt,
        data: {
          year,
          team,
          behindCount: theirs.length,
          behind: theirs
            .slice(0, TEAM_SUMMARY_NAMES)
            .map((b) => ({ name: b.name, jp: Number(b.jp), target: b.target })),
        },
      });
    }
    await ctx.log(`jp nudge ${day}: ${behind.length} below target, ${summaries} supervisors`);
  }
}
