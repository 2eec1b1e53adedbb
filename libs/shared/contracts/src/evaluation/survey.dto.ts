import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { trim } from '../common/transforms';

/**
 * Kirkpatrick level 1 (reaction): the feedback survey of a course or of a live session.
 * A template holds Likert items (1–5, each measuring one dimension) and open questions;
 * a course or session picks a template. Responses are anonymous to trainers: they see
 * aggregates only, and only once at least `anonymityThreshold` responses came in.
 */
export const SURVEY_DIMENSIONS = [
  'content',
  'trainer',
  'method',
  'relevance',
  'organisation',
] as const;
export type SurveyDimension = (typeof SURVEY_DIMENSIONS)[number];

/** Indonesian labels of the dimensions (charts, the printable report). */
export const SURVEY_DIMENSION_LABELS: Record<SurveyDimension, string> = {
  content: 'Materi',
  trainer: 'Pengajar/fasilitator',
  method: 'Metode pembelajaran',
  relevance: 'Relevansi dengan pekerjaan',
  organisation: 'Penyelenggaraan',
};

/** likert: a score 1–5 (1 = sangat tidak setuju … 5 = sangat setuju); text: an open comment. */
export const SURVEY_ITEM_KINDS = ['likert', 'text'] as const;
export type SurveyItemKind = (typeof SURVEY_ITEM_KINDS)[number];

/** Likert scores (named apart from the follow-up questionnaire's LIKERT_MIN/MAX). */
export const SURVEY_SCORE_MIN = 1;
export const SURVEY_SCORE_MAX = 5;

/** Fewest responses before trainers see anything of a survey, unless the course says otherwise. */
export const DEFAULT_ANONYMITY_THRESHOLD = 5;
/** The threshold a course or session may set: below 3, a result would point at a person. */
export const MIN_ANONYMITY_THRESHOLD = 3;
export const MAX_ANONYMITY_THRESHOLD = 100;

export class SurveyItemInput {
  /** An existing item of this template (kept, with its answers); omit for a new item. */
  @IsOptional()
  @IsUUID('all', { message: 'id butir harus UUID' })
  id?: string;

  @IsIn(SURVEY_ITEM_KINDS, { message: 'kind harus likert atau text' })
  kind!: SurveyItemKind;

  /** Required for likert items; text items have none. */
  @ValidateIf((o: SurveyItemInput) => o.kind === 'likert' || o.dimension != null)
  @IsIn(SURVEY_DIMENSIONS, {
    message: 'dimension harus content, trainer, method, relevance atau organisation',
  })
  dimension?: SurveyDimension | null;

  @Transform(trim)
  @IsString()
  @MinLength(3, { message: 'teks butir minimal 3 karakter' })
  @MaxLength(500, { message: 'teks butir maksimal 500 karakter' })
  text!: string;

  /** Whether a respondent must answer it; default: likert yes, text no. */
  @IsOptional()
  @IsBoolean()
  required?: boolean;
}

/** POST /admin/survey-templates, PUT /admin/survey-templates/:id (the whole template). */
export class SurveyTemplateRequest {
  @Transform(trim)
  @IsString()
  @MinLength(3, { message: 'nama templat minimal 3 karakter' })
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  /** In the order shown; at least one likert item. */
  @IsArray()
  @ArrayMinSize(1, { message: 'templat harus memiliki minimal satu butir' })
  @ArrayMaxSize(50, { message: 'templat maksimal 50 butir' })
  @ValidateNested({ each: true })
  @Type(() => SurveyItemInput)
  items!: SurveyItemInput[];
}

class SurveyPolicyFields {
  @IsUUID('all', { message: 'templateId harus UUID' })
  templateId!: string;

  /** Fewest responses before trainers see aggregates and comments (default 5). */
  @IsInt()
  @Min(MIN_ANONYMITY_THRESHOLD, { message: `ambang anonimitas minimal ${MIN_ANONYMITY_THRESHOLD}` })
  @Max(MAX_ANONYMITY_THRESHOLD)
  anonymityThreshold!: number;

  /** Whether admins in reach may read each response with the respondent's name. */
  @IsBoolean()
  individualVisibleToAdmins!: boolean;
}

/** PUT /authoring/courses/:courseId/survey. */
export class CourseSurveySettingsRequest extends SurveyPolicyFields {
  /**
   * The survey must be sent before the course completes (on top of the version's own
   * `completionRules.survey`, which also makes it required).
   */
  @IsBoolean()
  required!: boolean;
}

/** PUT /authoring/live-sessions/:sessionId/survey (a session survey never blocks completion). */
export class SessionSurveySettingsRequest extends SurveyPolicyFields {}

export class SurveyAnswerInput {
  @IsUUID('all', { message: 'itemId harus UUID' })
  itemId!: string;

  /** likert items: 1–5 (checked against the template with every other answer). */
  @IsOptional()
  @IsInt({ message: 'score harus bilangan bulat 1–5' })
  score?: number;

  /** text items. */
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'komentar maksimal 2000 karakter' })
  text?: string;
}

/** POST /enrolments/:enrolmentId/survey, POST /live-sessions/:sessionId/survey. */
export class SurveySubmitRequest {
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerInput)
  answers!: SurveyAnswerInput[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A period of whole days (Asia/Jakarta), both ends included; either end may be left open. */
export class EvaluationPeriodQuery {
  @IsOptional()
  @Matches(DAY, { message: 'from harus tanggal YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(DAY, { message: 'to harus tanggal YYYY-MM-DD' })
  to?: string;
}
