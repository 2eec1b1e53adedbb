import type { AppError } from '@siantar/server-core';

/**
 * A refusal (not completed, unknown enrolment) as a job failure that is not retried: the
 * worker treats an error named UnrecoverableError as final (worker-host `isFinalFailure`).
 */
export function refusal(e: AppError): Error {
  const err = new Error(`${e.code}: ${e.detail}`);
  err.name = 'UnrecoverableError';
  return err;
}
