import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/page';
import { trim } from '../common/transforms';

/*
 * Level 3 of the evaluation (Kirkpatrick: behaviour) — Evaluasi Pasca Pelatihan (EPP).
 * At the end of a course the learner writes a follow-up action plan (RTL, rencana tindak
 * lanjut); some days after the course end (the enrolment's completed_at; per course,
 * default 30 and 90) the alumnus reports progress with evidence and their direct
 * supervisor confirms the application at work on a short questionnaire.
 * docs/api/evaluation.md, section "Evaluasi pasca pelatihan (L3)".
 */

/** Days after the course end when follow-ups are asked, unless the course sets its own. */
export const FOLLOW_UP_DEFAULT_DAYS: readonly number[] = [30, 90];
/** At most this many follow-ups per course; each 1–365 days after the course end. */
export const FOLLOW_UP_MAX_OFFSETS = 4;
export const FOLLOW_UP_MAX_DAYS = 365;
/** Days the alumnus and the supervisor have to answer; after that the follow-up is overdue. */
export const FOLLOW_UP_ANSWER_DAYS = 7;
/** Items of an action plan (RTL). */
export const ACTION_PLAN_MAX_ITEMS = 10;
/** Evidence files of one report. */
export const FOLLOW_UP_MAX_EVIDENCE = 5;

/** Where an RTL item stands at a follow-up, as the alumnus reports it. */
export const ACTION_ITEM_STATUSES = ['not-started', 'in-progress', 'done', 'dropped'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/**
 * A follow-up as people see it. `scheduled`: not yet asked (before its due time);
 * `pending`: asked, answers expected within FOLLOW_UP_ANSWER_DAYS; `overdue`: still
 * not done after that; `done`: the alumnus reported and the supervisor confirmed (or
 * there is no supervisor to confirm); `cancelled`: the alumnus was deactivated.
 */
export const FOLLOW_UP_STATUSES = ['scheduled', 'pending', 'overdue', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
/** The statuses lists can be filtered by (asked follow-ups only). */
export const FOLLOW_UP_LIST_STATUSES = ['pending', 'overdue', 'done'] as const;
export type FollowUpListStatus = (typeof FOLLOW_UP_LIST_STATUSES)[number];

/**
 * The supervisor's questionnaire: Likert items scored 1 (sangat tidak setuju) to 5 (sangat
 * setuju). Wording (id / en) lives in the web i18n files under these keys:
 * - `applies`: the alumnus applies what the course taught in their work;
 * - `action-plan`: the alumnus carries out their action plan (RTL) as planned;
 * - `performance`: the alumnus's work has improved since the course;
 * - `shares`: the alumnus shares what they learned with colleagues.
 */
export const FOLLOW_UP_QUESTIONS = ['applies', 'action-plan', 'performance', 'shares'] as const;
export type FollowUpQuestion = (typeof FOLLOW_UP_QUESTIONS)[number];
export const FOLLOW_UP_SCORE_MIN = 1;
export const FOLLOW_UP_SCORE_MAX = 5;

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

// ---- action plan (RTL) ------------------------------------------------------------

export class ActionPlanItemInput {
  /** Keep an item's id when editing it (its status history follows it); omit for a new item. */
  @IsOptional()
  @IsUUID()
  id?: string;

  /** What the alumnus will apply at work. */
  @Transform(trim)
  @IsString()
  @MinLength(5, { message: 'action minimal 5 karakter' })
  @MaxLength(500, { message: 'action maksimal 500 karakter' })
  action!: string;

  /** By when (Asia/Jakarta calendar date, YYYY-MM-DD). */
  @Matches(DAY, { message: 'dueDate harus tanggal YYYY-MM-DD' })
  dueDate!: string;

  /** The measurable result that shows it was done. */
  @Transform(trim)
  @IsString()
  @MinLength(5, { message: 'measure minimal 5 karakter' })
  @MaxLength(500, { message: 'measure maksimal 500 karakter' })
  measure!: string;
}

/** PUT /enrolments/:enrolmentId/action-plan: the whole plan (replaces the items). */
export class ActionPlanRequest {
  @IsArray()
  @ArrayMinSize(1, { message: 'isi minimal satu rencana tindak lanjut' })
  @ArrayMaxSize(ACTION_PLAN_MAX_ITEMS, {
    message: `paling banyak ${ACTION_PLAN_MAX_ITEMS} rencana tindak lanjut`,
  })
  @ValidateNested({ each: true })
  @Type(() => ActionPlanItemInput)
  items!: ActionPlanItemInput[];
}

export interface ActionPlanItem {
  id: string;
  action: string;
  dueDate: string;
  measure: string;
}

export interface ActionPlanResponse {
  enrolmentId: string;
  courseId: string;
  courseTitle: string;
  /** The course end (the enrolment's completion); null while not completed. */
  completedAt: string | null;
  /** null until the plan is first saved. */
  submittedAt: string | null;
  updatedAt: string | null;
  items: ActionPlanItem[];
  /** Whether PUT is accepted now (completed, and the first follow-up not yet due). */
  editable: boolean;
  /** The first follow-up's due time: the plan is frozen from then on. null: no follow-up planned. */
  editableUntil: string | null;
}

// ---- per-course settings ------------------------------------------------------------

/** PUT /authoring/courses/:courseId/follow-up-settings. An empty list turns L3 off for the course. */
export class FollowUpSettingsRequest {
  @IsArray()
  @ArrayMaxSize(FOLLOW_UP_MAX_OFFSETS, {
    message: `paling banyak ${FOLLOW_UP_MAX_OFFSETS} jadwal tindak lanjut`,
  })
  @ArrayUnique({ message: 'jadwal tindak lanjut tidak boleh berulang' })
  @IsInt({ each: true, message: 'days berisi bilangan bulat (hari)' })
  @Min(1, { each: true, message: 'tindak lanjut paling cepat 1 hari setelah pelatihan selesai' })
  @Max(FOLLOW_UP_MAX_DAYS, {
    each: true,
    message: `tindak lanjut paling lambat ${FOLLOW_UP_MAX_DAYS} hari setelah pelatihan selesai`,
  })
  days!: number[];
}

export interface FollowUpSettingsResponse {
  courseId: string;
  /** Ascending. */
  days: number[];
  /** true: the course has not set its own (FOLLOW_UP_DEFAULT_DAYS). */
  isDefault: boolean;
  updatedAt: string | null;
  updatedBy: { userId: string; name: string } | null;
}

// ---- follow-ups -------------------------------------------------------------------

export interface FollowUpPerson {
  userId: string;
  name: string;
  nip: string | null;
}

export interface FollowUpEvidence {
  fileId: string;
  filename: string;
  contentType: string;
  size: number;
  /** Short-lived signed URL (GET /files/:id/content). */
  url: string;
}

export interface FollowUpReportView {
  reportedAt: string;
  progress: string;
  items: { itemId: string; status: ActionItemStatus; note: string | null }[];
  evidence: FollowUpEvidence[];
}

export interface FollowUpConfirmationView {
  confirmedAt: string;
  confirmedBy: FollowUpPerson;
  answers: { question: FollowUpQuestion; score: number }[];
  comment: string | null;
}

export interface FollowUpView {
  id: string;
  enrolmentId: string;
  courseId: string;
  courseTitle: string;
  /** Days after the course end. */
  offsetDays: number;
  courseEndedAt: string;
  /** When it was asked (08:00 WIB, offsetDays after the course end's WIB date). */
  dueAt: string;
  /** dueAt + FOLLOW_UP_ANSWER_DAYS: overdue after that while not done. */
  answerBy: string;
  status: FollowUpStatus;
  alumnus: FollowUpPerson & { orgUnitId: string | null; orgUnitName: string | null };
  /** The direct supervisor when it was asked; null: no confirmation is needed. */
  supervisor: FollowUpPerson | null;
  /** The alumnus's RTL (empty when they wrote none). */
  actionPlan: ActionPlanItem[];
  report: FollowUpReportView | null;
  confirmation: FollowUpConfirmationView | null;
  /** What the caller may do now. */
  canReport: boolean;
  canConfirm: boolean;
}

/** GET /my/follow-ups, GET /follow-ups/team (supervisors): asked follow-ups, newest due first. */
export class FollowUpMineQuery extends PageQuery {
  @IsOptional()
  @IsIn(FOLLOW_UP_LIST_STATUSES, {
    message: `status harus salah satu dari: ${FOLLOW_UP_LIST_STATUSES.join(', ')}`,
  })
  status?: FollowUpListStatus;
}

/** GET /follow-ups (admins): the follow-ups of people in their reach. */
export class FollowUpListQuery extends FollowUpMineQuery {
  @IsOptional()
  @IsUUID()
  courseId?: string;

  /** An OPD or any unit in the caller's reach: its subtree (the unit when asked). */
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}

export class FollowUpItemStatusInput {
  @IsUUID()
  itemId!: string;

  @IsIn(ACTION_ITEM_STATUSES, {
    message: `status harus salah satu dari: ${ACTION_ITEM_STATUSES.join(', ')}`,
  })
  status!: ActionItemStatus;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/**
 * POST /follow-ups/:id/report (the alumnus). Evidence: ids of files uploaded with
 * POST /follow-ups/:id/evidence. Items: one per RTL item (every item must be there).
 */
export class FollowUpReportRequest {
  @Transform(trim)
  @IsString()
  @MinLength(10, { message: 'ceritakan kemajuan minimal 10 karakter' })
  @MaxLength(4000)
  progress!: string;

  @IsArray()
  @ArrayMaxSize(ACTION_PLAN_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => FollowUpItemStatusInput)
  items!: FollowUpItemStatusInput[];

  @IsArray()
  @ArrayMaxSize(FOLLOW_UP_MAX_EVIDENCE, {
    message: `paling banyak ${FOLLOW_UP_MAX_EVIDENCE} berkas bukti`,
  })
  @ArrayUnique()
  @IsUUID('all', { each: true })
  evidenceFileIds!: string[];
}

export class FollowUpAnswerInput {
  @IsIn(FOLLOW_UP_QUESTIONS, {
    message: `question harus salah satu dari: ${FOLLOW_UP_QUESTIONS.join(', ')}`,
  })
  question!: FollowUpQuestion;

  @IsInt()
  @Min(FOLLOW_UP_SCORE_MIN)
  @Max(FOLLOW_UP_SCORE_MAX)
  score!: number;
}

/** POST /follow-ups/:id/confirm (the direct supervisor): every question once. */
export class FollowUpConfirmRequest {
  @IsArray()
  @ArrayMinSize(FOLLOW_UP_QUESTIONS.length, { message: 'jawab semua pertanyaan' })
  @ArrayMaxSize(FOLLOW_UP_QUESTIONS.length, { message: 'jawab setiap pertanyaan satu kali' })
  @ValidateNested({ each: true })
  @Type(() => FollowUpAnswerInput)
  answers!: FollowUpAnswerInput[];

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

// ---- L3 figures of a course -------------------------------------------------------

export interface FollowUpOffsetFigures {
  offsetDays: number;
  /** Planned, not yet asked. */
  scheduled: number;
  pending: number;
  overdue: number;
  done: number;
  /** Alumni who reported (done or not). */
  reported: number;
  /** Follow-ups that need a supervisor's confirmation, and how many have it. */
  confirmationsRequired: number;
  confirmed: number;
}

/** L3 (EPP) of a course, all versions; FollowUpFiguresService.forCourse, GET .../follow-up-figures. */
export interface FollowUpFigures {
  courseId: string;
  days: number[];
  /** Completed enrolments, and how many of them wrote an RTL. */
  completed: number;
  actionPlansSubmitted: number;
  /** One row per offset that has follow-ups (or is configured), ascending. */
  offsets: FollowUpOffsetFigures[];
  totals: Omit<FollowUpOffsetFigures, 'offsetDays'>;
  /** confirmed ÷ confirmationsRequired of asked follow-ups, 0–100 (one decimal); null with none. */
  supervisorConfirmedPercent: number | null;
  /** Mean score per question over every confirmation (1–5, two decimals); null with none. */
  averageScores: { question: FollowUpQuestion; average: number | null; answers: number }[];
  /** Latest reported status of each RTL item, counted over the course's reports. */
  itemStatuses: Record<ActionItemStatus, number>;
}
