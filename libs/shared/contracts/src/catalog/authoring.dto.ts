import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
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
import { LANGUAGES, type Language } from '../identity/enums';
import {
  COMPETENCY_TYPES,
  type CompetencyType,
  DELIVERY_MODES,
  type DeliveryMode,
  LESSON_TYPES,
  type LessonType,
} from './enums';
import { trim } from '../common/transforms';
import { CompletionRulesDto } from '../progress/completion';

/** Course metadata an author edits on the draft; every field optional on update. */
/** Days before an enrolment's deadline that its learner is reminded, unless the course says otherwise. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [7, 1];

export class CourseMetadataFields {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;

  @IsOptional()
  @IsUUID()
  coverFileId?: string;

  @IsOptional()
  @IsIn(COMPETENCY_TYPES)
  competencyType?: CompetencyType;

  @IsOptional()
  @IsIn(DELIVERY_MODES)
  deliveryMode?: DeliveryMode;

  /** Learning hours credited on completion. */
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(200)
  jp?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  targetOrgUnitIds?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(150, { each: true })
  targetPositions?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  targetRanks?: string[];

  /** Courses that must be completed before enrolling. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  prerequisiteCourseIds?: string[];

  @IsOptional()
  @IsISO8601()
  enrolOpensAt?: string | null;

  @IsOptional()
  @IsISO8601()
  enrolClosesAt?: string | null;

  @IsOptional()
  @IsISO8601()
  completionDeadline?: string | null;

  /** Days before the deadline that learners are reminded (DEFAULT_REMINDER_DAYS); [] for none. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4, { message: 'reminderDays paling banyak 4 pengingat' })
  @ArrayUnique({ message: 'reminderDays tidak boleh berulang' })
  @IsInt({ each: true, message: 'reminderDays berisi bilangan bulat hari' })
  @Min(1, { each: true, message: 'reminderDays paling sedikit 1 hari' })
  @Max(90, { each: true, message: 'reminderDays paling banyak 90 hari' })
  reminderDays?: number[];

  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @IsOptional()
  @IsBoolean()
  selfEnrol?: boolean;

  /** Lessons must be taken in order (a lesson is locked until the previous one is completed). */
  @IsOptional()
  @IsBoolean()
  sequential?: boolean;

  /** What completes an enrolment in this version (see CompletionRulesDto). */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CompletionRulesDto)
  completionRules?: CompletionRulesDto;
}

export class CreateCourseRequest extends CourseMetadataFields {
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @Matches(/^[A-Z0-9][A-Z0-9-]{2,29}$/, {
    message: 'kode kursus: 3–30 huruf besar, angka atau tanda hubung (contoh: PPBD-2026)',
  })
  code!: string;

  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;
}

export class UpdateCourseDraftRequest extends CourseMetadataFields {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;
}

export class ModuleRequest {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;
}

export class LessonRequest {
  @IsIn(LESSON_TYPES, { message: `type harus salah satu dari: ${LESSON_TYPES.join(', ')}` })
  type!: LessonType;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  /** Estimated minutes; the course JP can be suggested from the sum. */
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes!: number;

  /** Shape depends on `type`: see LessonContent. Checked by the server per type. */
  @IsObject()
  content!: Record<string, unknown>;
}

export class UpdateLessonRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes?: number;

  @IsOptional()
  @IsObject()
  content?: Record<string, unknown>;
}

export class OutlineModuleOrder {
  @IsUUID()
  moduleId!: string;

  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  lessonIds!: string[];
}

/** The whole order after a drag and drop: every module and every lesson of the draft, each once. */
export class ReorderOutlineRequest {
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OutlineModuleOrder)
  modules!: OutlineModuleOrder[];
}

export class SubmitForReviewRequest {
  /** What changed in this version, shown in the changelog. */
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  changelog!: string;
}

export class ReviewDecisionRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class SendBackRequest {
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  note!: string;
}

export class ReviewCommentRequest {
  @IsOptional()
  @IsUUID()
  lessonId?: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  body!: string;
}

export class AddAuthorRequest {
  @IsUUID()
  userId!: string;
}
