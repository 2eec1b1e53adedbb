import { HttpErrorResponse } from '@angular/common/http';
import type { ProblemDetails } from '@siantar/contracts';

/** Code used when an error did not come back as `application/problem+json` (network down, proxy error). */
export const UNKNOWN_PROBLEM_CODE = 'client.unknown';

function isProblem(value: unknown): value is ProblemDetails {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { status?: unknown }).status === 'number' &&
    typeof (value as { detail?: unknown }).detail === 'string'
  );
}

/**
 * Turns whatever HttpClient threw into RFC 9457 problem details. The `detail` of a
 * non-problem error is left empty so that the caller shows a translated generic message.
 */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof HttpErrorResponse) {
    let body: unknown = error.error;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        body = null;
      }
    }
    if (isProblem(body)) {
      return body;
    }
    return {
      type: 'about:blank',
      title: error.statusText,
      status: error.status,
      detail: '',
      code: error.status === 0 ? 'client.network' : UNKNOWN_PROBLEM_CODE,
    };
  }
  if (isProblem(error)) {
    return error;
  }
  return { type: 'about:blank', title: '', status: 0, detail: '', code: UNKNOWN_PROBLEM_CODE };
}

/** Reads a problem that came back as a Blob (requests made with `responseType: 'blob'`). */
export async function toProblemAsync(error: unknown): Promise<ProblemDetails> {
  if (error instanceof HttpErrorResponse && error.error instanceof Blob) {
    try {
      const text = await error.error.text();
      return toProblem(
        new HttpErrorResponse({ error: text, status: error.status, statusText: error.statusText }),
      );
    } catch {
      return toProblem(error);
    }
  }
  return toProblem(error);
}

/** Field-level messages of a validation problem for one form field (`path` may be nested: `roles.0`). */
export function fieldErrors(problem: ProblemDetails | null | undefined, field: string): string[] {
  if (!problem?.errors) {
    return [];
  }
  return problem.errors
    .filter((e) => e.path === field || e.path.startsWith(`${field}.`))
    .map((e) => e.message);
}
