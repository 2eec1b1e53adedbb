import type { SimulationContent } from '@siantar/scenario';

/**
 * Type-specific lesson content as stored and as authors send it.
 * The server sanitises `text.body` (HTML or Markdown rendered to HTML) against XSS.
 */
export interface TextContent {
  format: 'markdown' | 'html';
  /** As the author wrote it. */
  source: string;
  /** Seconds a learner must spend on the page when they cannot scroll to the end (short pages). */
  minSeconds?: number;
}
export interface VideoContent {
  /** Either an uploaded file (id from POST /files, purpose video) or an external URL. */
  fileId?: string;
  url?: string;
  /** Share of the video that must be watched to complete, 0.5–1; default 0.9. */
  completionShare?: number;
}
export interface DocumentContent {
  fileId: string;
}
export interface LinkContent {
  url: string;
}
export interface ScormContent {
  /** id from POST /scorm-packages once the package is `ready`. */
  packageId: string;
}
/** A quiz of the same course (POST /quizzes); its settings and questions live in the assessment domain. */
export interface QuizContent {
  quizId: string;
}
export type PlaceholderContent = Record<string, never>;
/** A branching scenario and how it completes (see @siantar/scenario). */
export type { SimulationContent };

export type LessonContent =
  | { type: 'text'; content: TextContent }
  | { type: 'video'; content: VideoContent }
  | { type: 'document'; content: DocumentContent }
  | { type: 'link'; content: LinkContent }
  | { type: 'scorm'; content: ScormContent }
  | { type: 'quiz'; content: QuizContent }
  | { type: 'simulation'; content: SimulationContent }
  | { type: 'live-session'; content: PlaceholderContent };
