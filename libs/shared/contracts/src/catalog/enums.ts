export const COMPETENCY_TYPES = ['teknis', 'manajerial', 'sosial-kultural'] as const;
export type CompetencyType = (typeof COMPETENCY_TYPES)[number];

export const DELIVERY_MODES = ['self-paced', 'blended', 'live'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** A course version moves draft → in_review → published → archived; send-back returns it to draft. */
export const VERSION_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** live-session and simulation are placeholders filled by later issues. */
export const LESSON_TYPES = [
  'text',
  'video',
  'document',
  'link',
  'scorm',
  'quiz',
  'live-session',
  'simulation',
] as const;
export type LessonType = (typeof LESSON_TYPES)[number];
export const PLACEHOLDER_LESSON_TYPES: readonly LessonType[] = ['live-session'];

export const ENROLMENT_STATUSES = ['active', 'completed', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const LESSON_PROGRESS_STATUSES = ['not-started', 'in-progress', 'completed'] as const;
export type LessonProgressStatus = (typeof LESSON_PROGRESS_STATUSES)[number];

export const FILE_PURPOSES = ['cover', 'video', 'document'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** Minutes in one JP (jam pelajaran); the server setting JP_MINUTES overrides it. */
export const DEFAULT_JP_MINUTES = 45;
