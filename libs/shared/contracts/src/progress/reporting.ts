import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { COMPETENCY_TYPES, type CompetencyType } from '../catalog/enums';
import { EMPLOYMENT_TYPES, type EmploymentType } from '../identity/enums';

/** The filters every report takes. Missing year = the current Asia/Jakarta year. */
export class ReportFilter {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  /** An OPD or any unit; the report covers its subtree. Default: the caller's whole reach. */
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @IsOptional()
  @IsUUID()
  courseId?: string;

  @IsOptional()
  @IsIn(COMPETENCY_TYPES)
  competencyType?: CompetencyType;

  @IsOptional()
  @IsIn(EMPLOYMENT_TYPES)
  employmentType?: EmploymentType;
}

export interface EnrolmentCounts {
  enrolled: number;
  started: number;
  completed: number;
  passed: number;
  withdrawn: number;
}

export interface JpCounts {
  /** Active PNS/PPPK in scope (the population of the JP figures). */
  staff: number;
  /** Of them, below their employment type's yearly target. */
  belowTarget: number;
  /** JP credited in the period (reversals subtracted). */
  jp: number;
}

export interface DashboardRow extends EnrolmentCounts, JpCounts {
  /** Completed ÷ enrolled in the period, in percent (0–100), null with no enrolment. */
  completionRate: number | null;
  /** Active enrolments whose deadline passed, as of today. */
  overdue: number;
  /**
   * Post-training follow-ups (EPP, L3) of people in the unit (their unit when asked) still not
   * done after their answer time, as of today; like `overdue`, not limited to the year.
   */
  followUpsOverdue: number;
}

export interface DashboardResponse {
  filter: Required<Pick<ReportFilter, 'year'>> & Omit<ReportFilter, 'year'>;
  /** The unit the figures cover; null = the caller's whole reach (city-wide for BKPSDM). */
  scope: { orgUnitId: string | null; name: string; path: { id: string; name: string }[] };
  totals: DashboardRow;
  /** Twelve rows, January to December of the year. */
  months: ({ month: number; jp: number } & EnrolmentCounts)[];
  /** One row per child unit of the scope (OPDs city-wide, bidang inside an OPD): the drill-down. */
  units: ({
    orgUnitId: string;
    name: string;
    kind: string;
    hasChildren: boolean;
    /**
     * true on the row of the scope unit itself: people placed directly in it (not in a
     * child unit). Present only when it has figures, so the rows always add up to the totals.
     */
    direct?: boolean;
  } & DashboardRow)[];
  jpDistribution: {
    /** People by JP this year: 0–4, 5–9, 10–14, 15–19, 20–29, 30+ (whole JP). */
    buckets: { label: string; from: number; to: number | null; persons: number }[];
    byRank: ({ rank: string } & JpCounts)[];
    byEmploymentType: ({ employmentType: 'PNS' | 'PPPK'; target: number } & JpCounts)[];
    byCompetency: { competencyType: CompetencyType; jp: number; entries: number }[];
  };
  /** The courses with most enrolments in the period (top 20): enrolled → started → completed → passed. */
  funnels: CourseFunnelRow[];
  /** Figures a given filter does not narrow (their table has no such column), one entry per filter used. */
  filterNotes: { filter: 'courseId' | 'competencyType'; notApplied: string[] }[];
  /** Milliseconds the server spent; shown nowhere, read by benchmarks. */
  tookMs: number;
}

export interface CourseFunnelRow extends EnrolmentCounts {
  courseId: string;
  code: string;
  title: string;
}

/** A page of a report table: the filters plus limit/offset. */
export class ReportPageQuery extends ReportFilter {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

/** An active enrolment whose deadline passed (before today, Asia/Jakarta). */
export interface OverdueRow {
  enrolmentId: string;
  userId: string;
  name: string;
  nip: string | null;
  orgUnitId: string;
  orgUnitName: string;
  courseId: string;
  code: string;
  title: string;
  dueAt: string;
}

/** A person row of a unit's report (drill-down to a person). */
export interface PersonReportRow {
  userId: string;
  name: string;
  nip: string | null;
  rank: string | null;
  employmentType: EmploymentType;
  orgUnitId: string;
  orgUnitName: string;
  jp: number;
  target: number | null;
  /** jp < target. */
  behind: boolean;
  activeCourses: number;
  completedCourses: number;
  overdueCourses: number;
}

export class PeopleQuery extends ReportPageQuery {
  @IsOptional()
  @IsIn(['behind', 'overdue'])
  only?: 'behind' | 'overdue';

  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsIn(['name', 'jp'])
  sort?: 'name' | 'jp';
}

export interface PersonEnrolmentRow {
  enrolmentId: string;
  courseId: string;
  code: string;
  title: string;
  status: 'active' | 'completed' | 'withdrawn';
  percent: number;
  enrolledAt: string;
  dueAt: string | null;
  overdue: boolean;
  completedAt: string | null;
}

/** GET /reports/people/:userId and GET /team/:userId. */
export interface PersonReport<P extends PersonReportRow = PersonReportRow> {
  year: number;
  person: P;
  enrolments: PersonEnrolmentRow[];
}

/** A supervisor's direct reports. */
export interface TeamMemberRow extends PersonReportRow {
  lastActivityAt: string | null;
  /** When the supervisor last nudged them, so the button can say so. */
  lastNudgedAt: string | null;
}

export interface TeamResponse {
  year: number;
  members: TeamMemberRow[];
  behind: number;
}

export class NudgeRequest {
  /** A course to point at (one of the member's active enrolments), optional. */
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  message?: string;
}

/** 202 answer to a nudge. */
export interface NudgeResponse {
  id: string;
  createdAt: string;
}

export const REPORT_TABLES = ['units', 'people', 'courses', 'overdue', 'ledger'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportRequest {
  @IsIn(REPORT_TABLES)
  table!: ReportTable;

  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;

  @IsObject()
  @ValidateNested()
  @Type(() => ReportFilter)
  filter!: ReportFilter;

  /** people only: limit to those behind their target. */
  @IsOptional()
  @IsBoolean()
  behindOnly?: boolean;
}

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export interface ExportJobView {
  id: string;
  table: ReportTable;
  format: ExportFormat;
  status: ExportStatus;
  /** 0–100. */
  progress: number;
  rows: number;
  /** Known once counted; the progress bar's denominator. */
  totalRows: number | null;
  /** A short-lived signed URL once done. */
  downloadUrl: string | null;
  filename: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}
