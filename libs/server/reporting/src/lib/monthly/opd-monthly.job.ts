import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OpdMonthlyReportJob as Payload } from '@siantar/contracts';
import { HandlesJob, type JobContext, type JobHandler, QueueService } from '@siantar/server-core';
import { wibDate } from '@siantar/server-ledger';
import { NotificationPlanner } from '@siantar/server-notify';
import type { DataSource } from 'typeorm';
import { DashboardService } from '../dashboard/dashboard.service';
import type { ScopeUnit } from '../scope/report-scope';
import { opdHeadsSql } from './opd-heads';

/** The month a report closes and when its notices are due: the 1st of the next month, 08:00 WIB. */
export function closedMonth(month: string | undefined, now = new Date()) {
  const [y, m] = (month ?? wibDate(now).slice(0, 7)).split('-').map(Number);
  // Without a month: the one before the current WIB month.
  const [year, mon] = month ? [y, m] : m === 1 ? [y - 1, 12] : [y, m - 1];
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
  return { year, month: mon, dueAt: new Date(`${next}-01T01:00:00.000Z`) };
}

/**
 * On the 1st of each month (08:00 WIB, a job scheduler): every OPD's head gets the OPD's
 * figures for the year so far, as the dashboard shows them. The notice key holds the OPD,
 * the head and the month, so a rerun of the same month sends nothing more.
 */
@Injectable()
@HandlesJob('reporting.opd-monthly')
export class OpdMonthlyReportHandler
  implements JobHandler<'reporting.opd-monthly'>, OnApplicationBootstrap
{
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dashboard: DashboardService,
    private readonly planner: NotificationPlanner,
    private readonly queue: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.keepSchedule('reporting-opd-monthly', '0 8 1 * *', 'reporting.opd-monthly');
  }

  async handle(payload: Payload, ctx: JobContext): Promise<void> {
    const { year, month, dueAt } = closedMonth(payload.month);
    const em = this.db.manager;
    const opds: ScopeUnit[] = await em.query(
      `SELECT id, name, kind, path, parent_id AS "parentId" FROM org_unit WHERE kind = 'opd' ORDER BY name`,
    );
    let sent = 0;
    for (const opd of opds) {
      const heads: { id: string }[] = await em.query(opdHeadsSql, [opd.path]);
      if (heads.length === 0) continue;
      const t = await this.dashboard.totalsOf(em, opd, year);
      for (const head of heads) {
        sent++;
        await this.planner.plan(em, {
          event: 'opd-compliance',
          userId: head.id,
          targetId: opd.id,
          dueAt,
          data: {
            orgUnitId: opd.id,
            orgUnitName: opd.name,
            year,
            month,
            staff: t.staff,
            belowTarget: t.belowTarget,
            jp: t.jp,
            overdue: t.overdue,
            enrolled: t.enrolled,
            completed: t.completed,
            followUpsOverdue: t.followUpsOverdue,
          },
        });
      }
    }
    await ctx.log(`OPD report ${year}-${month}: ${sent} heads of ${opds.length} OPDs`);
  }
}
