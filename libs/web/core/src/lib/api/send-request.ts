import type { WritableSignal } from '@angular/core';
import type { ProblemDetails } from '@siantar/contracts';
import type { Observable } from 'rxjs';
import { toProblem } from './problem';

export interface RequestState {
  busy: WritableSignal<boolean>;
  problem: WritableSignal<ProblemDetails | null>;
}

/**
 * Sends a one-off request (a save, a create): `busy` while it runs, the earlier problem cleared
 * and the new one shown if it fails; `done` gets the answer.
 */
export function sendRequest<T>(
  request: Observable<T>,
  state: RequestState,
  done: (value: T) => void,
): void {
  state.busy.set(true);
  state.problem.set(null);
  request.subscribe({
    next: (value) => {
      state.busy.set(false);
      done(value);
    },
    error: (error: unknown) => {
      state.busy.set(false);
      state.problem.set(toProblem(error));
    },
  });
}
