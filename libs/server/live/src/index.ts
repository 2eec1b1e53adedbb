export * from './lib/live-jobs.module';
export * from './lib/live.module';
// Who a session is for (trainers, enrolled learners, a webinar's audience), for the evaluation surveys.
export { mayJoin } from './lib/sessions/session-access';
