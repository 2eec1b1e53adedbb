import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { trim } from '../common/transforms';

export const LIVE_SESSION_STATUSES = ['scheduled', 'cancelled', 'ended'] as const;
export type LiveSessionStatus = (typeof LIVE_SESSION_STATUSES)[number];

/** Longest session the scheduler accepts. */
export const LIVE_SESSION_MAX_HOURS = 12;

/** Present at least `minShare` of the scheduled time (0.8 = 80 %) to be credited. */
export class AttendanceRule {
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.1)
  @Max(1)
  minShare!: number;
}

/** The optional fields of a session, in creation and change alike. */
export class LiveSessionFields {
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  /** Most participants admitted; null = no limit. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity?: number | null;

  /** Webinars only: OPDs invited (with their sub-units); empty = the whole city. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  audienceOrgUnitIds?: string[];

  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  jp?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => AttendanceRule)
  attendanceRule?: AttendanceRule;

  /** Users who run the session (trainer, partner or admin role); default: the creator. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  trainerIds?: string[];

  /** Course sessions: the key of a live-session lesson of the course's current version. */
  @IsOptional()
  @IsUUID()
  lessonKey?: string | null;
}

export class CreateLiveSessionRequest extends LiveSessionFields {
  /** Omitted: a stand-alone webinar. */
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  /** ISO 8601 with offset, e.g. 2026-12-01T09:00:00+07:00. */
  @IsISO8601({ strict: true })
  startsAt!: string;

  @IsISO8601({ strict: true })
  endsAt!: string;
}

/** A change to a scheduled session (PATCH): only the fields sent change. */
export class UpdateLiveSessionRequest extends LiveSessionFields {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  endsAt?: string;
}

export class CancelLiveSessionRequest {
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason!: string;
}

export class MyLiveSessionsQuery {
  /** Default: now (sessions not yet ended). */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export interface LiveSessionTrainerView {
  id: string;
  name: string;
}

export interface LiveSessionView {
  id: string;
  courseId: string | null;
  courseTitle: string | null;
  lessonKey: string | null;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  audienceOrgUnitIds: string[];
  jp: number;
  attendanceRule: { minShare: number };
  status: LiveSessionStatus;
  /** RFC 5545 SEQUENCE: bumped by every change. */
  sequence: number;
  cancelReason: string | null;
  trainers: LiveSessionTrainerView[];
  /** Whether the caller may change or cancel it. */
  canManage: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CalendarFeedUrlResponse {
  /** Absolute URL of the caller's iCalendar feed; whoever holds it reads the feed. */
  url: string;
}
