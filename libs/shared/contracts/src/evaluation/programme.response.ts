import type { FollowUpFigures } from './follow-up';
import type { CourseIndicators } from './indicator.response';
import type { LearningGainResult } from './learning-gain.response';
import type { SessionSurveySummary, SurveyResults } from './survey.response';

/**
 * Level 3 (behaviour: action plans and post-training follow-ups) as the programme page shows
 * it: the follow-up figures of the course (FollowUpFiguresService). `l3` is null while the
 * follow-up part of the evaluation domain provides none.
 */
export type ProgrammeFollowUp = FollowUpFigures;

/**
 * GET /evaluation/courses/:courseId (?from&to narrow the surveys): the programme evaluation
 * page, the four Kirkpatrick levels side by side, for admins who review the course. The
 * printable report (GET /evaluation/courses/:courseId/report.pdf) has the same figures.
 */
export interface ProgrammeEvaluation {
  course: {
    id: string;
    code: string;
    title: string;
    ownerOrgUnitName: string;
    jp: number;
    /** Enrolments that are not withdrawn, and those completed. */
    enrolled: number;
    completed: number;
  };
  from: string | null;
  to: string | null;
  generatedAt: string;
  l1: {
    /** The course survey, aggregates only (the same anonymity rules as for trainers). */
    course: SurveyResults;
    /** The course's live sessions that have survey responses or settings, by start time. */
    sessions: SessionSurveySummary[];
  };
  l2: LearningGainResult;
  l3: ProgrammeFollowUp | null;
  l4: CourseIndicators;
}
