import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CompetencyType,
  CourseFunnelRow,
  DashboardResponse,
  DashboardRow,
  EnrolmentCounts,
  JpCounts,
  ReportFilter,
} from '@siantar/contracts';
import { COMPETENCY_TYPES } from '@siantar/contracts';
import type { Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { courseFunnelsSql } from '../courses/course-funnels';
import {
  assertCourseExists,
  jpTargets,
  type ReportScope,
  type ScopeUnit,
  resolveScope,
} from '../scope/report-scope';
import { currentYearWib, num, SqlParams } from '../scope/sql-params';
import { filterConditions, inSubtree } from '../scope/stat-filters';
import {
  jpBuckets,
  jpCountsBy,
  type JpMonthRow,
  type JpRankRow,
  type JpPersonRow,
  rankOrder,
  round1,
  type StaffRow,
  type Targets,
} from './jp-figures';

const COUNTERS = ['enrolled', 'started', 'completed', 'passed', 'withdrawn'] as const;
const zeroCounts = (): EnrolmentCounts => ({
  enrolled: 0,
  started: 0,
  completed: 0,
  passed: 0,
  withdrawn: 0,
});

interface EnrolmentRow extends EnrolmentCounts {
  child: string;
  month: number;
}

export type YearFilter = ReportFilter & { year: number };

/** The raw material of a dashboard: summary rows rolled up to the scope's children. */
export interface DashboardFigures {
  scope: ReportScope;
  filter: YearFilter;
  targets: Targets;
  children: { id: string; name: string; kind: string; hasChildren: boolean }[];
  enrolment: EnrolmentRow[];
  overdue: Map<string, number>;
  followUpsOverdue: Map<string, number>;
  staff: StaffRow[];
  persons: JpPersonRow[];
  jp: JpMonthRow[];
  jpByRank: JpRankRow[];
}

const notes = (f: ReportFilter): DashboardResponse['filterNotes'] => [
  ...(f.courseId
    ? [
        {
          filter: 'courseId' as const,
          notApplied: ['staff', 'belowTarget', 'jp', 'months.jp', 'jpDistribution'],
        },
      ]
    : []),
  ...(f.competencyType
    ? [
        {
          filter: 'competencyType' as const,
          notApplied: [
            'staff',
            'belowTarget',
            'jpDistribution.buckets',
            'jpDistribution.byRank.staff',
            'jpDistribution.byRank.belowTarget',
            'jpDistribution.byEmploymentType.staff',
            'jpDistribution.byEmploymentType.belowTarget',
          ],
        },
      ]
    : []),
];

/**
 * The admin dashboard, from the summary tables only: enrolment counters
 * (stat_enrolment_org, or stat_enrolment_course with a course), overdue
 * (stat_open_due), JP (stat_jp_month), population and below-target
 * (stat_staff, stat_jp_person), funnels (stat_course_year / stat_enrolment_course).
 */
@Injectable()
export class DashboardService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The scope and the filter with its year, checked (404 for a unit or course that is not there). */
  async resolve(
    em: EntityManager,
    p: Principal,
    f: ReportFilter,
  ): Promise<{ scope: ReportScope; filter: YearFilter }> {
    const scope = await resolveScope(em, p, f.orgUnitId);
    await assertCourseExists(em, f.courseId);
    return { scope, filter: { ...f, year: f.year ?? currentYearWib() } };
  }

  async figures(
    em: EntityManager,
    scope: ReportScope,
    filter: YearFilter,
  ): Promise<DashboardFigures> {
    const [targets, children, enrolment, overdue, followUpsOverdue, staff, persons, jp, jpByRank] =
      await Promise.all([
        jpTargets(em),
        this.children(em, scope),
        this.enrolment(em, scope, filter),
        this.overdue(em, scope, filter),
        this.followUpsOverdue(em, scope, filter),
        this.staff(em, scope, filter),
        this.persons(em, scope, filter),
        this.jp(em, scope, filter),
        this.jpByRank(em, scope, filter),
      ]);
    return {
      scope,
      filter,
      targets,
      children,
      enrolment,
      overdue,
      followUpsOverdue,
      staff,
      persons,
      jp,
      jpByRank,
    };
  }

  /** The whole-subtree row of one unit for a year, as the dashboard's totals show it. */
  async totalsOf(em: EntityManager, unit: ScopeUnit, year: number): Promise<DashboardRow> {
    const fig = await this.figures(em, { unit, named: true, trail: [] }, { year });
    return unitRows(fig).get(null) as DashboardRow;
  }

  async dashboard(p: Principal, f: ReportFilter): Promise<DashboardResponse> {
    const started = performance.now();
    const em = this.db.manager;
    const { scope, filter } = await this.resolve(em, p, f);
    const fig = await this.figures(em, scope, filter);
    const funnelSql = courseFunnelsSql(scope, filter);
    const funnels: CourseFunnelRow[] = await em.query(
      `${funnelSql.sql} LIMIT 20`,
      funnelSql.params,
    );
    const byRank = jpCountsBy(fig.staff, fig.persons, fig.jpByRank, fig.targets, (r) => r.rank);
    const byType = jpCountsBy(fig.staff, fig.persons, fig.jp, fig.targets, (r) =>
      r.employmentType === 'PNS' || r.employmentType === 'PPPK' ? r.employmentType : null,
    );
    const types = (['PNS', 'PPPK'] as const).filter(
      (t) => !filter.employmentType || filter.employmentType === t,
    );
    const competencies = COMPETENCY_TYPES.filter(
      (c) => !filter.competencyType || filter.competencyType === c,
    );
    return {
      filter,
      scope: {
        orgUnitId: scope.named ? scope.unit.id : null,
        name: scope.unit.name,
        path: scope.trail,
      },
      totals: unitRows(fig).get(null) as DashboardRow,
      months: Array.from({ length: 12 }, (_, i) => {
        const month = i + 1;
        const counts = zeroCounts();
        for (const r of fig.enrolment.filter((e) => e.month === month))
          for (const c of COUNTERS) counts[c] += r[c];
        const jp = fig.jp.filter((j) => j.month === month).reduce((s, j) => s + j.jp, 0);
        return { month, jp: round1(jp), ...counts };
      }),
      units: this.units(fig),
      jpDistribution: {
        buckets: jpBuckets(fig.staff, fig.persons),
        byRank: [...byRank.entries()]
          .sort(([a], [b]) => rankOrder(a, b))
          .map(([rank, c]) => ({ rank, ...c })),
        byEmploymentType: types.map((t) => ({
          employmentType: t,
          target: fig.targets[t],
          ...(byType.get(t) ?? { staff: 0, belowTarget: 0, jp: 0 }),
        })),
        byCompetency: competencies.map((c: CompetencyType) => {
          const rows = fig.jp.filter((j) => j.competencyType === c);
          return {
            competencyType: c,
            jp: round1(rows.reduce((s, j) => s + j.jp, 0)),
            entries: rows.reduce((s, j) => s + j.entries, 0),
          };
        }),
      },
      funnels,
      filterNotes: notes(filter),
      tookMs: Math.round(performance.now() - started),
    };
  }

  /** The drill-down rows, plus the scope's own row when people sit directly in it. */
  units(fig: DashboardFigures): DashboardResponse['units'] {
    const rows = unitRows(fig);
    const out: DashboardResponse['units'] = fig.children.map((c) => ({
      orgUnitId: c.id,
      name: c.name,
      kind: c.kind,
      hasChildren: c.hasChildren,
      ...(rows.get(c.id) ?? emptyRow()),
    }));
    const own = rows.get('');
    if (own && hasFigures(own)) {
      out.push({
        orgUnitId: fig.scope.unit.id,
        name: fig.scope.unit.name,
        kind: fig.scope.unit.kind,
        hasChildren: false,
        direct: true,
        ...own,
      });
    }
    return out;
  }

  private async children(
    em: EntityManager,
    scope: ReportScope,
  ): Promise<DashboardFigures['children']> {
    return em.query(
      `SELECT c.id, c.name, c.kind,
              EXISTS (SELECT 1 FROM org_unit g WHERE g.parent_id = c.id) AS "hasChildren"
         FROM org_unit c WHERE c.parent_id = $1 ORDER BY c.name, c.id`,
      [scope.unit.id],
    );
  }

  private async enrolment(
    em: EntityManager,
    scope: ReportScope,
    f: YearFilter,
  ): Promise<EnrolmentRow[]> {
    const prm = new SqlParams();
    const sub = inSubtree(prm, scope.unit.path);
    const table = f.courseId ? 'stat_enrolment_course' : 'stat_enrolment_org';
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${sub.child} AS child, s.month, ${COUNTERS.map((c) => `sum(s.${c})::int AS ${c}`).join(', ')}
         FROM ${table} s ${sub.join}
        WHERE s.year = ${prm.add(f.year)}${filterConditions(prm, f, { employmentType: true, competencyType: true, courseId: true })}
        GROUP BY 1, 2`,
      prm.values,
    );
    return rows.map((r) => ({
      child: String(r['child']),
      month: num(r['month']),
      enrolled: num(r['enrolled']),
      started: num(r['started']),
      completed: num(r['completed']),
      passed: num(r['passed']),
      withdrawn: num(r['withdrawn']),
    }));
  }

  /** Active enrolments due before today (Asia/Jakarta), per child unit; not limited to the year. */
  private async overdue(
    em: EntityManager,
    scope: ReportScope,
    f: YearFilter,
  ): Promise<Map<string, number>> {
    const prm = new SqlParams();
    const sub = inSubtree(prm, scope.unit.path);
    const rows: { child: string; open: string }[] = await em.query(
      `SELECT ${sub.child} AS child, sum(s.open) AS open FROM stat_open_due s ${sub.join}
        WHERE s.due_date < wib_date(now())${filterConditions(prm, f, { employmentType: true, competencyType: true, courseId: true })}
        GROUP BY 1`,
      prm.values,
    );
    return new Map(rows.map((r) => [r.child, num(r.open)]));
  }

  /**
   * Post-training follow-ups (evaluation domain, `follow_up`) still open after their answer
   * time, per child unit by the alumnus's unit when asked; the filters apply through the
   * enrolment's snapshots. Open rows are few and served by the partial index follow_up_open_idx.
   */
  private async followUpsOverdue(
    em: EntityManager,
    scope: ReportScope,
    f: YearFilter,
  ): Promise<Map<string, number>> {
    const prm = new SqlParams();
    const sub = inSubtree(prm, scope.unit.path);
    const rows: { child: string; n: string }[] = await em.query(
      `SELECT ${sub.child} AS child, count(*) AS n
         FROM follow_up s JOIN enrolment e ON e.id = s.enrolment_id ${sub.join}
        WHERE s.status = 'open' AND s.answer_by < now()${filterConditions(prm, f, { employmentType: true, competencyType: true, courseId: true }, 'e')}
        GROUP BY 1`,
      prm.values,
    );
    return new Map(rows.map((r) => [r.child, num(r.n)]));
  }

  private async staff(em: EntityManager, scope: ReportScope, f: YearFilter): Promise<StaffRow[]> {
    const prm = new SqlParams();
    const sub = inSubtree(prm, scope.unit.path);
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${sub.child} AS child, s.employment_type, s.rank, sum(s.persons) AS persons
         FROM stat_staff s ${sub.join}
        WHERE true${filterConditions(prm, f, { employmentType: true })}
        GROUP BY 1, 2, 3`,
      prm.values,
    );
    return rows.map((r) => ({
      child: String(r['child']),
      employmentType: String(r['employment_type']),
      rank: String(r['rank']),
      persons: num(r['persons']),
    }));
  }

  private async persons(
    em: EntityManager,
    scope: ReportScope,
    f: YearFilter,
  ): Promise<JpPersonRow[]> {
    const prm = new SqlParams();
    const sub = inSubtree(prm, scope.unit.path);
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${sub.child} AS child, s.employment_type, s.rank, s.jp_floor, sum(s.persons) AS persons
         FROM stat_jp_person s ${sub.join}
        WHERE s.year = ${prm.add(f.year)}${filterConditions(prm, f, { employmentType: true })}
        GROUP BY 1, 2, 3, 4`,
      prm.values,
    );
    return rows.map((r) => ({
      child: String(r['child']),
      employmentType: String(r['employment_type']),
      rank: String(r['rank']),
      jpFloor: num(r['jp_floor']),
      persons: num(r['persons']),
    }));
  }

  private async jp(em: EntityManager, scope: ReportScope, f: YearFilter): Promise<JpMonthRow[]> {
    const prm = new SqlParams();
    const sub = inSubtree(prm, scope.unit.path);
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${sub.child} AS child, s.month, s.employment_type, s.competency_type,
              sum(s.jp) AS jp, sum(s.entries) AS entries
         FROM stat_jp_month s ${sub.join}
        WHERE s.year = ${prm.add(f.year)}${filterConditions(prm, f, { employmentType: true, competencyType: true })}
        GROUP BY 1, 2, 3, 4`,
      prm.values,
    );
    return rows.map((r) => ({ ...jpAmount(r), month: num(r['month']) }));
  }

  private async jpByRank(
    em: EntityManager,
    scope: ReportScope,
    f: YearFilter,
  ): Promise<JpRankRow[]> {
    const prm = new SqlParams();
    const sub = inSubtree(prm, scope.unit.path);
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT '' AS child, s.rank, s.employment_type, s.competency_type,
              sum(s.jp) AS jp, sum(s.entries) AS entries
         FROM stat_jp_rank s ${sub.join}
        WHERE s.year = ${prm.add(f.year)}${filterConditions(prm, f, { employmentType: true, competencyType: true })}
        GROUP BY 2, 3, 4`,
      prm.values,
    );
    return rows.map((r) => ({ ...jpAmount(r), rank: String(r['rank']) }));
  }
}

const jpAmount = (r: Record<string, unknown>) => ({
  child: String(r['child']),
  employmentType: String(r['employment_type']),
  competencyType: String(r['competency_type']),
  jp: num(r['jp']),
  entries: num(r['entries']),
});

const emptyRow = (): DashboardRow => ({
  ...zeroCounts(),
  staff: 0,
  belowTarget: 0,
  jp: 0,
  completionRate: null,
  overdue: 0,
  followUpsOverdue: 0,
});

const hasFigures = (r: DashboardRow) =>
  r.staff > 0 ||
  r.jp !== 0 ||
  r.overdue > 0 ||
  r.followUpsOverdue > 0 ||
  COUNTERS.some((c) => r[c] > 0);

/** A DashboardRow per child ('' = the scope itself) and for the whole scope (key null). */
function unitRows(fig: DashboardFigures): Map<string | null, DashboardRow> {
  const rows = new Map<string | null, DashboardRow>();
  const get = (k: string | null) => {
    let r = rows.get(k);
    if (!r) rows.set(k, (r = emptyRow()));
    return r;
  };
  get(null);
  for (const e of fig.enrolment)
    for (const k of [e.child, null]) for (const c of COUNTERS) get(k)[c] += e[c];
  for (const [child, n] of fig.overdue) for (const k of [child, null]) get(k).overdue += n;
  for (const [child, n] of fig.followUpsOverdue)
    for (const k of [child, null]) get(k).followUpsOverdue += n;
  const jp: [Map<string, JpCounts>, (k: string) => string | null][] = [
    [jpCountsBy(fig.staff, fig.persons, fig.jp, fig.targets, (r) => r.child), (k) => k],
    [jpCountsBy(fig.staff, fig.persons, fig.jp, fig.targets, () => 'all'), () => null],
  ];
  for (const [m, rowKey] of jp)
    for (const [k, c] of m) {
      const r = get(rowKey(k));
      r.staff = c.staff;
      r.belowTarget = c.belowTarget;
      r.jp = c.jp;
    }
  for (const r of rows.values())
    r.completionRate = r.enrolled > 0 ? round1((r.completed / r.enrolled) * 100) : null;
  return rows;
}
