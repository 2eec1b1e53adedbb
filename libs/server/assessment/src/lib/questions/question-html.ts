import type { TextFormat } from '@siantar/contracts';
import { sanitizeLessonHtml } from '@siantar/server-catalog';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A question's text as safe HTML, rendered once when the version is saved. */
export function questionHtml(format: TextFormat, text: string): string {
  switch (format) {
    case 'markdown':
      return sanitizeLessonHtml('markdown', text);
    case 'html':
      return sanitizeLessonHtml('html', text);
    case 'plain':
      return `<p>${escape(text).replace(/\n/g, '<br>')}</p>`;
    case 'moodle':
      // Moodle's auto-format: HTML allowed, line breaks kept.
      return sanitizeLessonHtml('html', text.replace(/\r?\n/g, '<br>\n'));
  }
}
