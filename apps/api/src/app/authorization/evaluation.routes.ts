import type { RouteRow } from './route-rule';

/** The evaluation routes of the authorization matrix (issue 9). */
export const EVALUATION_ROUTES: RouteRow[] = [
  // Level 3 (follow-ups). 'authenticated' rows are narrowed in the service: the learner's own
  // enrolment; a follow-up's alumnus (report, evidence), its supervisor, admins in reach (404
  // otherwise). Confirming someone else's follow-up as a supervisor: 403 follow-up.not-in-team.
  ['GET /enrolments/:enrolmentId/action-plan', 'authenticated'],
  ['PUT /enrolments/:enrolmentId/action-plan', 'authenticated'],
  ['GET /authoring/courses/:courseId/follow-up-settings', ['trainer', 'partner', 'admin']],
  ['PUT /authoring/courses/:courseId/follow-up-settings', ['trainer', 'partner', 'admin']],
  ['GET /authoring/courses/:courseId/follow-up-figures', ['trainer', 'partner', 'admin']],
  ['GET /my/follow-ups', 'authenticated'],
  ['GET /follow-ups/team', ['supervisor']],
  ['GET /follow-ups', ['admin']],
  ['GET /follow-ups/:id', 'authenticated'],
  ['POST /follow-ups/:id/evidence', 'authenticated'],
  ['POST /follow-ups/:id/report', 'authenticated'],
  ['POST /follow-ups/:id/confirm', ['supervisor']],
  // Levels 1, 2 and 4, the programme page. Templates: every admin reads them, admins in reach
  // of the owner change them (403 otherwise; the built-in one 409). Survey settings, results
  // and learning gain: the course's authors and reviewers (a session's managers and trainers),
  // 404 for anyone else; a trainer's results: the trainer and admins in reach. Answering:
  // the learner's own enrolment (404), a session's attendees (404 uninvited, 403 absent or
  // trainer). Indicator values: admins in reach of the OPD (403 otherwise). The programme page
  // and report: admins who review the course (404 otherwise).
  ['GET /admin/survey-templates', ['admin']],
  ['POST /admin/survey-templates', ['admin']],
  ['GET /admin/survey-templates/:id', ['admin']],
  ['PUT /admin/survey-templates/:id', ['admin']],
  ['GET /authoring/courses/:courseId/survey', ['trainer', 'partner', 'admin']],
  ['PUT /authoring/courses/:courseId/survey', ['trainer', 'partner', 'admin']],
  ['GET /authoring/live-sessions/:sessionId/survey', ['trainer', 'partner', 'admin']],
  ['PUT /authoring/live-sessions/:sessionId/survey', ['trainer', 'partner', 'admin']],
  ['GET /enrolments/:enrolmentId/survey', 'authenticated'],
  ['POST /enrolments/:enrolmentId/survey', 'authenticated'],
  ['GET /live-sessions/:sessionId/survey', 'authenticated'],
  ['POST /live-sessions/:sessionId/survey', 'authenticated'],
  ['GET /evaluation/courses/:courseId/survey-results', ['trainer', 'partner', 'admin']],
  ['GET /evaluation/live-sessions/:sessionId/survey-results', ['trainer', 'partner', 'admin']],
  ['GET /evaluation/trainers/:userId/survey-results', ['trainer', 'partner', 'admin']],
  ['GET /evaluation/courses/:courseId/learning-gain', ['trainer', 'partner', 'admin']],
  ['GET /evaluation/courses/:courseId/indicators', ['trainer', 'partner', 'admin']],
  ['POST /evaluation/courses/:courseId/indicators', ['admin']],
  ['PUT /evaluation/courses/:courseId/indicators/:id', ['admin']],
  ['DELETE /evaluation/courses/:courseId/indicators/:id', ['admin']],
  ['PUT /evaluation/indicators/:id/values', ['admin']],
  ['DELETE /evaluation/indicators/:id/values/:orgUnitId', ['admin']],
  ['GET /evaluation/courses/:courseId', ['admin']],
  ['GET /evaluation/courses/:courseId/report.pdf', ['admin']],
];
