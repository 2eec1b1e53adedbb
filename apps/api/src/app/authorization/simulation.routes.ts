import type { RouteRow } from './route-rule';

/**
 * The simulation routes of the authorization matrix: a learner plays their own enrolment's
 * simulation lessons (someone else's enrolment or run is 404, runs.int-spec.ts); the analytics
 * are for the course's authors and the admins who review it.
 */
export const SIMULATION_ROUTES: RouteRow[] = [
  ['GET /enrolments/:enrolmentId/lessons/:lessonId/simulation', 'authenticated'],
  ['POST /enrolments/:enrolmentId/lessons/:lessonId/simulation-runs', 'authenticated'],
  ['GET /simulation-runs/:runId', 'authenticated'],
  ['POST /simulation-runs/:runId/actions', 'authenticated'],
  [
    'GET /authoring/courses/:courseId/lessons/:lessonId/simulation-analytics',
    ['trainer', 'partner', 'admin'],
  ],
];
