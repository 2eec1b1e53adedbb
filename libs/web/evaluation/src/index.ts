// The evaluation screens (issue 9): surveys (L1), learning gain (L2), action plans and
// follow-ups (L3), indicators (L4) and the programme page. The app imports the routes eagerly;
// screens load lazily. The course editor and the course home embed the two hooks below.
export * from './lib/evaluation.routes';
export * from './lib/api/evaluation.api';
export { CourseEvaluationSettingsComponent } from './lib/hooks/course-evaluation-settings.component';
export { CourseEvaluationLinksComponent } from './lib/hooks/course-evaluation-links.component';
export * from './lib/ui/evaluation-icons';
