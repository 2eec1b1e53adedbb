import type { LessonType, ProgressEventKind } from '@siantar/contracts';

/** Which events a lesson type accepts; others are refused rather than silently ignored. */
export const ACCEPTED_EVENTS: Record<LessonType, readonly ProgressEventKind[]> = {
  text: ['opened', 'time', 'scrolled'],
  video: ['opened', 'time', 'video'],
  document: ['opened', 'time', 'completed'],
  link: ['opened', 'time', 'completed'],
  scorm: ['opened', 'time'],
  quiz: ['opened'],
  'live-session': ['opened'],
  simulation: ['opened'],
};

/** A text lesson counts as read when scrolled this far, or after its minimum time on the page. */
export const TEXT_SCROLL_DONE = 90;
export const DEFAULT_VIDEO_SHARE = 0.9;
