import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const PROGRESS_EVENT_KINDS = ['opened', 'time', 'scrolled', 'video', 'completed'] as const;
export type ProgressEventKind = (typeof PROGRESS_EVENT_KINDS)[number];

/**
 * One thing a learner did in a lesson, recorded by the browser. `id` is the
 * idempotency key (a UUID made by the browser): the server counts an event once
 * however often it is sent. Values only ever raise progress: a late or repeated
 * event never moves it backwards.
 *
 * - opened: the lesson was shown (completes document and link lessons)
 * - time: `seconds` more spent on the lesson since the last time event
 * - scrolled: the furthest `percent` of a text lesson seen
 * - video: `positionSeconds` now, `watchedSeconds` of distinct content seen so far, `durationSeconds`
 * - completed: explicit completion where the type allows it (link, document)
 */
export class ProgressEventRequest {
  @IsUUID()
  id!: string;

  @IsUUID()
  enrolmentId!: string;

  @IsUUID()
  lessonId!: string;

  @IsIn(PROGRESS_EVENT_KINDS)
  kind!: ProgressEventKind;

  /** When it happened on the device (ISO 8601); orders events that arrive late. */
  @IsISO8601()
  occurredAt!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  seconds?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  percent?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  positionSeconds?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  watchedSeconds?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  durationSeconds?: number;
}

export class ProgressBatchRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ProgressEventRequest)
  events!: ProgressEventRequest[];
}

export interface ProgressBatchResponse {
  /** Event ids stored now. */
  accepted: string[];
  /** Event ids already stored before (safe to drop from the browser queue). */
  duplicates: string[];
  /** Events refused for good (e.g. a lesson not in the learner's course); drop them too. */
  rejected: { id: string; reason: string }[];
  /** The state of every lesson the batch touched, after it. */
  lessons: {
    enrolmentId: string;
    lessonId: string;
    status: 'not-started' | 'in-progress' | 'completed';
    percent: number;
  }[];
}

/** The SCORM 1.2 data model elements the server keeps (cmi.core.* and cmi.suspend_data). */
export class ScormCommitRequest {
  /** Idempotency key of this commit. */
  @IsUUID()
  id!: string;

  @IsIn(['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'])
  lessonStatus!: 'passed' | 'completed' | 'failed' | 'incomplete' | 'browsed' | 'not attempted';

  @IsOptional()
  @IsString()
  @MaxLength(10)
  scoreRaw?: string;

  @IsOptional()
  @IsString()
  @MaxLength(10)
  scoreMin?: string;

  @IsOptional()
  @IsString()
  @MaxLength(10)
  scoreMax?: string;

  /** SCORM 1.2 allows 4096 characters. */
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  suspendData?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  lessonLocation?: string;

  /** CMITimespan HHHH:MM:SS.SS of this session. */
  @IsOptional()
  @IsString()
  @MaxLength(20)
  sessionTime?: string;

  @IsOptional()
  @IsIn(['time-out', 'suspend', 'logout', ''])
  exit?: string;
}

export interface ScormStateResponse {
  launchUrl: string;
  /** Values to initialise the runtime with (cmi.core.entry is 'resume' when suspend data exists). */
  cmi: {
    studentId: string;
    studentName: string;
    lessonStatus: string;
    entry: 'ab-initio' | 'resume' | '';
    scoreRaw: string;
    scoreMin: string;
    scoreMax: string;
    suspendData: string;
    lessonLocation: string;
    totalTime: string;
  };
}
