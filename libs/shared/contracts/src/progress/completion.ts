import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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

/**
 * What an enrolment needs to be completed, set per course version by its authors.
 * `lessons`: 'all' = every lesson that is not a quiz or live session; 'selected' =
 * only the lessons whose keys are listed. Quizzes, live sessions and the survey are
 * separate criteria so that each can be switched on or off.
 */
export class CompletionRulesDto {
  @IsIn(['all', 'selected', 'none'])
  lessons!: 'all' | 'selected' | 'none';

  /** Lesson keys (stable across versions) when lessons = 'selected'. */
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  lessonKeys!: string[];

  /** Every quiz lesson passed (a pre-test counts once taken). */
  @IsBoolean()
  quizzes!: boolean;

  /** Every live-session lesson's attendance rule met (credited by the live-session domain). */
  @IsBoolean()
  attendance!: boolean;

  /** The course feedback survey submitted. */
  @IsBoolean()
  survey!: boolean;

  /** Everything met by the course's completion deadline; after it the course can no longer be completed. */
  @IsBoolean()
  deadline!: boolean;
}
export type CompletionRules = Omit<CompletionRulesDto, never>;

export const DEFAULT_COMPLETION_RULES: CompletionRules = {
  lessons: 'all',
  lessonKeys: [],
  quizzes: true,
  attendance: true,
  survey: false,
  deadline: false,
};

export const COMPLETION_CRITERIA = [
  'lessons',
  'quizzes',
  'attendance',
  'survey',
  'deadline',
] as const;
export type CompletionCriterion = (typeof COMPLETION_CRITERIA)[number];

export interface CompletionChecklistItem {
  criterion: CompletionCriterion;
  /** Indonesian, e.g. "Selesaikan 3 dari 5 materi wajib". */
  label: string;
  met: boolean;
  done: number;
  total: number;
  /** Titles of what remains (lessons, quizzes, sessions), at most 20. */
  remaining: string[];
}

export interface CompletionChecklist {
  enrolmentId: string;
  status: 'active' | 'completed' | 'withdrawn';
  completedAt: string | null;
  /** The course's completion deadline, when it has one. */
  deadline: string | null;
  /** True when the deadline passed before everything was met and the rules require it. */
  expired: boolean;
  items: CompletionChecklistItem[];
}

class FeedbackRatings {
  @IsInt() @Min(1) @Max(5) content!: number;
  @IsInt() @Min(1) @Max(5) trainer!: number;
  @IsInt() @Min(1) @Max(5) method!: number;
  @IsInt() @Min(1) @Max(5) relevance!: number;
}

/** The course feedback survey (a placeholder until the evaluation issue brings its questions). */
export class FeedbackSurveyRequest {
  @IsObject()
  @ValidateNested()
  @Type(() => FeedbackRatings)
  ratings!: FeedbackRatings;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
