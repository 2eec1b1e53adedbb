export * from './lib/catalog-jobs.module';
export * from './lib/catalog.module';
export { buildDemoScormZip } from './lib/scorm/demo-package';
export { sanitizeLessonHtml } from './lib/content/sanitize';
