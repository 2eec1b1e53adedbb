import type { ImportError, QuestionDraft } from '@siantar/contracts';

/** What a format reader hands to the preview: typed drafts with their lines, and the errors. */
export interface ParsedFile {
  items: { draft: QuestionDraft; line: number }[];
  errors: ImportError[];
}
