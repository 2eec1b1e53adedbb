import type { SurveyDimension, SurveyItemKind } from './survey.dto';

export interface SurveyItemView {
  id: string;
  kind: SurveyItemKind;
  /** likert items only. */
  dimension: SurveyDimension | null;
  text: string;
  required: boolean;
}

export interface SurveyTemplateSummary {
  id: string;
  name: string;
  description: string;
  /** The default template the system ships with; read-only. */
  builtIn: boolean;
  /** The unit of the admin scope that owns it (null for the built-in template). */
  ownerOrgUnitId: string | null;
  ownerOrgUnitName: string | null;
  likertItems: number;
  textItems: number;
  updatedAt: string;
}

export interface SurveyTemplateView extends SurveyTemplateSummary {
  /** The current items, in order. Items removed after being answered stay in the results. */
  items: SurveyItemView[];
  /** Responses given on this template (an answered item's kind and dimension cannot change). */
  responses: number;
  /** The caller may change it (an admin whose reach holds the owner; never the built-in one). */
  editable: boolean;
}

/** What a course's or session's survey uses; the template list is what it may pick from. */
interface SurveySettingsBase {
  templateId: string;
  templateName: string;
  anonymityThreshold: number;
  individualVisibleToAdmins: boolean;
  /** False while the defaults apply (the built-in template, threshold 5, no individual view). */
  configured: boolean;
  responses: number;
  /** Templates to choose from (the built-in one and every admin-made one). */
  templates: SurveyTemplateSummary[];
}

/** GET/PUT /authoring/courses/:courseId/survey. */
export interface CourseSurveySettingsView extends SurveySettingsBase {
  courseId: string;
  /** Required by this setting. */
  required: boolean;
  /** Required by the current published version's completion rules (`completionRules.survey`). */
  requiredByVersion: boolean;
}

/** GET/PUT /authoring/live-sessions/:sessionId/survey. */
export interface SessionSurveySettingsView extends SurveySettingsBase {
  sessionId: string;
  courseId: string | null;
}

export type SurveyTargetKind = 'course' | 'live-session';

export interface SurveyAnswerView {
  itemId: string;
  score: number | null;
  text: string | null;
}

/** GET/POST /enrolments/:enrolmentId/survey and /live-sessions/:sessionId/survey: the respondent's form. */
export interface SurveyForm {
  target: { kind: SurveyTargetKind; id: string; title: string };
  /** The course survey's enrolment; null for a session survey. */
  enrolmentId: string | null;
  templateName: string;
  description: string;
  items: SurveyItemView[];
  /** Sending it is one of the course's completion criteria. */
  requiredForCompletion: boolean;
  submitted: boolean;
  submittedAt: string | null;
  /** The respondent's own answers once sent (only ever shown to them). */
  answers: SurveyAnswerView[] | null;
  /** Shown above the form, e.g. "Jawaban Anda anonim bagi pengajar …". */
  anonymityNote: string;
}

/** Answers per score, index 0 = score 1 … index 4 = score 5. */
export type LikertDistribution = [number, number, number, number, number];

export interface SurveyScoreSummary {
  /** Likert answers counted. */
  answers: number;
  /** Mean score, 2 decimals; null without answers. */
  average: number | null;
  distribution: LikertDistribution;
}

export interface SurveyDimensionResult extends SurveyScoreSummary {
  dimension: SurveyDimension;
  label: string;
}

export interface SurveyItemResult extends SurveyScoreSummary {
  itemId: string;
  text: string;
  dimension: SurveyDimension;
  /** Removed from the template after being answered. */
  retired: boolean;
}

/** Open answers of one question, without names or times, in alphabetical order. */
export interface SurveyCommentGroup {
  itemId: string;
  question: string;
  comments: string[];
}

export interface SurveyIndividualResponse {
  responseId: string;
  userId: string;
  name: string;
  nip: string | null;
  orgUnitName: string;
  submittedAt: string;
  answers: SurveyAnswerView[];
}

/**
 * GET /evaluation/courses/:courseId/survey-results, /evaluation/live-sessions/:sessionId/survey-results.
 * Below the threshold (and for anyone who may not see individual responses) everything but
 * the count is withheld: `suppressed` with how many more responses are `needed`.
 */
export interface SurveyResults {
  target: { kind: SurveyTargetKind; id: string; title: string };
  from: string | null;
  to: string | null;
  templateName: string;
  threshold: number;
  responses: number;
  suppressed: boolean;
  /** More responses needed before results are shown; 0 when shown. */
  needed: number;
  /** Over every likert answer; null when suppressed. */
  overall: SurveyScoreSummary | null;
  dimensions: SurveyDimensionResult[];
  items: SurveyItemResult[];
  comments: SurveyCommentGroup[];
  /** Per response: admins in reach, only where the survey's policy allows it; otherwise null. */
  individual: SurveyIndividualResponse[] | null;
  /** Whether this caller gets `individual` (false says why the list is missing). */
  individualVisible: boolean;
}

/** One survey of a trainer (a course they author, a session they train) in the period. */
export interface TrainerSurveyRow {
  kind: SurveyTargetKind;
  id: string;
  title: string;
  responses: number;
  threshold: number;
  suppressed: boolean;
  needed: number;
  average: number | null;
}

/**
 * GET /evaluation/trainers/:userId/survey-results: the trainer's surveys, and aggregates over
 * those that reach their own threshold (a suppressed survey is left out of the totals too, so
 * that subtracting cannot reveal it).
 */
export interface TrainerSurveyResults {
  trainer: { userId: string; name: string };
  from: string | null;
  to: string | null;
  surveys: TrainerSurveyRow[];
  /** Responses in the totals (shown surveys only). */
  responses: number;
  overall: SurveyScoreSummary | null;
  dimensions: SurveyDimensionResult[];
  comments: (SurveyCommentGroup & { targetTitle: string })[];
  excluded: { surveys: number; responses: number };
}

/** A session's survey as the programme page lists it. */
export interface SessionSurveySummary {
  sessionId: string;
  title: string;
  startsAt: string;
  responses: number;
  threshold: number;
  suppressed: boolean;
  needed: number;
  overall: SurveyScoreSummary | null;
  dimensions: SurveyDimensionResult[];
}
