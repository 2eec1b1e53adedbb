import {
  type DocumentContent,
  type LessonResponse,
  type LessonType,
  type LinkContent,
  PLACEHOLDER_LESSON_TYPES,
  type QuizContent,
  type ScormContent,
  type SimulationContent,
  type TextContent,
  type VideoContent,
} from '@siantar/contracts';

export type VideoSource = 'upload' | 'url';

/** What the lesson dialog's form holds, for every type at once. */
export interface LessonFormValue {
  textFormat: TextContent['format'];
  textSource: string;
  videoSource: VideoSource;
  videoFileId: string;
  videoUrl: string;
  /** Percent in the form (50–100); a share 0.5–1 in the content. */
  videoCompletionPercent: number;
  documentFileId: string;
  linkUrl: string;
  scormPackageId: string;
  /** A quiz of the same course (created or chosen in the dialog). */
  quizId: string;
}

export const DEFAULT_COMPLETION_PERCENT = 90;

export const EMPTY_LESSON_FORM: LessonFormValue = {
  textFormat: 'markdown',
  textSource: '',
  videoSource: 'upload',
  videoFileId: '',
  videoUrl: '',
  videoCompletionPercent: DEFAULT_COMPLETION_PERCENT,
  documentFileId: '',
  linkUrl: '',
  scormPackageId: '',
  quizId: '',
};

export const isPlaceholder = (type: LessonType): boolean => PLACEHOLDER_LESSON_TYPES.includes(type);

/**
 * The type-specific `content` the API expects for a lesson (see LessonContent). A simulation
 * sends the scenario edited in the scenario editor, or nothing for the server's starter.
 */
export function buildLessonContent(
  type: LessonType,
  v: LessonFormValue,
  simulation: SimulationContent | null = null,
): Record<string, unknown> {
  switch (type) {
    case 'text': {
      const content: TextContent = { format: v.textFormat, source: v.textSource };
      return { ...content };
    }
    case 'video': {
      const share = Math.round(v.videoCompletionPercent) / 100;
      const content: VideoContent =
        v.videoSource === 'upload'
          ? { fileId: v.videoFileId, completionShare: share }
          : { url: v.videoUrl.trim(), completionShare: share };
      return { ...content };
    }
    case 'document': {
      const content: DocumentContent = { fileId: v.documentFileId };
      return { ...content };
    }
    case 'link': {
      const content: LinkContent = { url: v.linkUrl.trim() };
      return { ...content };
    }
    case 'scorm': {
      const content: ScormContent = { packageId: v.scormPackageId };
      return { ...content };
    }
    case 'quiz': {
      const content: QuizContent = { quizId: v.quizId };
      return { ...content };
    }
    case 'simulation':
      return simulation ? { ...simulation } : {};
    case 'live-session':
      return {};
  }
}

/** Which required piece of content is missing (translation key), or null when complete. */
export function missingContent(type: LessonType, v: LessonFormValue): string | null {
  switch (type) {
    case 'text':
      return v.textSource.trim() ? null : 'authoring.lesson.missing.text';
    case 'video':
      if (v.videoSource === 'upload') {
        return v.videoFileId ? null : 'authoring.lesson.missing.videoFile';
      }
      return isUrl(v.videoUrl) ? null : 'authoring.lesson.missing.url';
    case 'document':
      return v.documentFileId ? null : 'authoring.lesson.missing.document';
    case 'link':
      return isUrl(v.linkUrl) ? null : 'authoring.lesson.missing.url';
    case 'scorm':
      return v.scormPackageId ? null : 'authoring.lesson.missing.scorm';
    case 'quiz':
      return v.quizId ? null : 'authoring.lesson.missing.quiz';
    case 'live-session':
    case 'simulation':
      return null;
  }
}

/** A simulation lesson's stored content (scenario and settings), or null when it has none. */
export function simulationContentOf(lesson: LessonResponse | undefined): SimulationContent | null {
  const c = lesson?.type === 'simulation' ? lesson.content : null;
  return c &&
    typeof c['scenario'] === 'object' &&
    c['scenario'] !== null &&
    typeof c['settings'] === 'object' &&
    c['settings'] !== null
    ? (c as unknown as SimulationContent)
    : null;
}

/** An absolute http(s) URL (the server refuses relative paths and other schemes). */
export function isUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]+\S*$/i.test(value.trim());
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The form values of an existing lesson (edit). */
export function lessonFormValue(lesson: LessonResponse): LessonFormValue {
  const c = lesson.content;
  const share = typeof c['completionShare'] === 'number' ? c['completionShare'] : null;
  return {
    ...EMPTY_LESSON_FORM,
    textFormat: c['format'] === 'html' ? 'html' : 'markdown',
    textSource: str(c['source']),
    videoSource: str(c['url']) ? 'url' : 'upload',
    videoFileId: lesson.type === 'video' ? str(c['fileId']) : '',
    videoUrl: str(c['url']),
    videoCompletionPercent: share === null ? DEFAULT_COMPLETION_PERCENT : Math.round(share * 100),
    documentFileId: lesson.type === 'document' ? str(c['fileId']) : '',
    linkUrl: lesson.type === 'link' ? str(c['url']) : '',
    scormPackageId: str(c['packageId']),
    quizId: lesson.type === 'quiz' ? str(c['quizId']) : '',
  };
}
