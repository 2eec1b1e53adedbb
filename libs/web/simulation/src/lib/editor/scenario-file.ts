import {
  type ImportError,
  type Scenario,
  importScenario,
  validateScenario,
} from '@siantar/scenario';

/** `<title>.json`, without the characters file systems refuse. */
export function scenarioFileName(title: string): string {
  const name = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
    .trim();
  return `${name || 'skenario'}.json`;
}

/** The scenario as the exported file holds it: pretty JSON, read back by the importer. */
export const scenarioJson = (s: Scenario): string => `${JSON.stringify(s, null, 2)}\n`;

/** An import error with the line it is on, to show where in the file. */
export interface ImportErrorView extends ImportError {
  /** The line's text (at most 160 characters around the column). */
  excerpt: string;
  /** Where the caret goes under the excerpt (0-based). */
  caret: number;
}

export type ImportReport =
  | { ok: true; scenario: Scenario; scenes: number; problems: number }
  | { ok: false; errors: ImportErrorView[] };

/** Reads pasted or uploaded JSON: the scenario with its problem count, or every error with its place. */
export function readScenarioImport(text: string): ImportReport {
  const result = importScenario(text);
  if (result.ok)
    return {
      ok: true,
      scenario: result.scenario,
      scenes: result.scenario.scenes.length,
      problems: validateScenario(result.scenario).length,
    };
  const lines = text.split(/\r?\n/);
  return {
    ok: false,
    errors: result.errors.map((e) => {
      const line = lines[e.line - 1] ?? '';
      const from = Math.max(0, e.column - 1 - 80);
      return {
        ...e,
        excerpt: line.slice(from, from + 160),
        caret: Math.max(0, e.column - 1 - from),
      };
    }),
  };
}

/** Offers text as a file download. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The biggest file the importer reads (a scenario of 200 scenes is far below it). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
