// Test helpers for other domains' integration tests (not part of the api build).
export { publishCourse } from './lib/testing/course-fixture';
