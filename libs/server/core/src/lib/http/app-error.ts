import { HttpException } from '@nestjs/common';
import { problem } from './problem';

/**
 * The one exception type domain code throws for expected failures: a status,
 * a stable code the UI can branch on, and a message a person understands.
 */
export class AppError extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly detail: string,
    readonly fieldErrors?: { path: string; message: string }[],
    readonly headers: Record<string, string> = {},
    /** Extension members of the problem document, e.g. the id of the conflicting resource. */
    extensions: Record<string, unknown> = {},
  ) {
    super(
      problem(status, code, detail, {
        ...extensions,
        ...(fieldErrors ? { errors: fieldErrors } : {}),
      }),
      status,
    );
  }
}

export const notFound = (what: string) =>
  new AppError(404, 'not-found', `${what} tidak ditemukan.`);
export const forbidden = (detail = 'Anda tidak berhak melakukan tindakan ini.') =>
  new AppError(403, 'forbidden', detail);
