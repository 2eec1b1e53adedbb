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
    detail: string,
    readonly fieldErrors?: { path: string; message: string }[],
    readonly headers: Record<string, string> = {},
  ) {
    super(problem(status, code, detail, fieldErrors ? { errors: fieldErrors } : {}), status);
  }
}

export const notFound = (what: string) =>
  new AppError(404, 'not-found', `${what} tidak ditemukan.`);
export const forbidden = (detail = 'Anda tidak berhak melakukan tindakan ini.') =>
  new AppError(403, 'forbidden', detail);
