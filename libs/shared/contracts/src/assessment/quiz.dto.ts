import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { trim } from '../common/transforms';

export const GRADING_METHODS = ['highest', 'last', 'average', 'first'] as const;
export type GradingMethod = (typeof GRADING_METHODS)[number];

export const QUIZ_ROLES = ['none', 'pre-test', 'post-test'] as const;
export type QuizRole = (typeof QUIZ_ROLES)[number];

export const NAVIGATION_MODES = ['free', 'sequential'] as const;
export type NavigationMode = (typeof NAVIGATION_MODES)[number];

/** When the review options apply: right after submitting, or only once the quiz has closed. */
export const REVIEW_WHEN = ['immediately', 'after-close', 'never'] as const;
export type ReviewWhen = (typeof REVIEW_WHEN)[number];

export class ReviewOptions {
  @IsIn(REVIEW_WHEN)
  when!: ReviewWhen;

  @IsBoolean()
  score!: boolean;

  @IsBoolean()
  rightAnswers!: boolean;

  @IsBoolean()
  feedback!: boolean;
}

/** A fixed question, or N questions drawn at random from a category when an attempt starts. */
export class QuizSlotInput {
  @IsIn(['question', 'random'])
  kind!: 'question' | 'random';

  @ValidateIf((s: QuizSlotInput) => s.kind === 'question')
  @IsUUID()
  questionId?: string;

  @ValidateIf((s: QuizSlotInput) => s.kind === 'random')
  @IsUUID()
  categoryId?: string;

  @ValidateIf((s: QuizSlotInput) => s.kind === 'random')
  @IsInt()
  @Min(1)
  @Max(200)
  count?: number;

  @IsOptional()
  @IsBoolean()
  includeSubcategories?: boolean;

  /** Points per question in this slot; default: the question's own mark. */
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  mark?: number;
}

export class QuizSettingsRequest {
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => QuizSlotInput)
  slots!: QuizSlotInput[];

  @IsBoolean()
  shuffleQuestions!: boolean;

  @IsBoolean()
  shuffleAnswers!: boolean;

  /** null: no time limit. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  timeLimitMinutes?: number | null;

  @IsOptional()
  @IsISO8601({ strict: true })
  opensAt?: string | null;

  @IsOptional()
  @IsISO8601({ strict: true })
  closesAt?: string | null;

  /** 0: unlimited. */
  @IsInt()
  @Min(0)
  @Max(100)
  attemptsAllowed!: number;

  @IsIn(GRADING_METHODS)
  gradingMethod!: GradingMethod;

  /** Percentage needed to pass, 0–100. */
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  passPercent!: number;

  @ValidateNested()
  @Type(() => ReviewOptions)
  review!: ReviewOptions;

  @IsIn(QUIZ_ROLES)
  role!: QuizRole;

  @IsIn(NAVIGATION_MODES)
  navigation!: NavigationMode;

  /** Trainers grade essays without seeing who wrote them. */
  @IsBoolean()
  anonymousGrading!: boolean;
}

export class CreateQuizRequest extends QuizSettingsRequest {
  @IsUUID()
  courseId!: string;
}

export class QuizListQuery {
  @IsUUID()
  courseId!: string;
}
