export * from './lib/catalog-jobs.module';
export * from './lib/catalog.module';
export { buildDemoScormZip } from './lib/scorm/demo-package';
export { sanitizeLessonHtml } from './lib/content/sanitize';
export { seedDemoScormPackage, SEED_ENTITIES } from './lib/seed/seed-scorm-package';
