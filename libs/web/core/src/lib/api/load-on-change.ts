import { type Signal, type WritableSignal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { ProblemDetails } from '@siantar/contracts';
import {
  type Observable,
  type OperatorFunction,
  catchError,
  debounceTime,
  filter,
  identity,
  of,
  switchMap,
  tap,
} from 'rxjs';
import { toProblem } from './problem';

export interface LoadState {
  loading: WritableSignal<boolean>;
  problem: WritableSignal<ProblemDetails | null>;
}

export interface LoadOnChangeOptions<F> {
  /** Waits for the source to settle this long first (typing in a search box). */
  debounceMs?: number;
  /** Values that cannot be loaded yet (no id) are skipped. */
  when?: (value: F) => boolean;
  /** Leaves an earlier problem in place while the next request runs (it may be someone else's). */
  keepProblem?: boolean;
}

const FAILED = Symbol('failed');

/**
 * Loads `load(value)` each time `source` changes, a newer value cancelling the request in flight,
 * and keeps `loading` and `problem` in step. A failure keeps the last result, so that a list
 * does not blank out over one bad request. Call in an injection context; it ends with it.
 */
export function loadOnChange<F, T>(
  source: Signal<F>,
  load: (value: F) => Observable<T>,
  state: LoadState,
  options: LoadOnChangeOptions<F> = {},
): Signal<T | null> {
  const { debounceMs, when, keepProblem = false } = options;
  const result = signal<T | null>(null);
  toObservable(source)
    .pipe(
      debounceMs ? debounceTime(debounceMs) : (identity as OperatorFunction<F, F>),
      when ? filter(when) : (identity as OperatorFunction<F, F>),
      tap(() => {
        state.loading.set(true);
        if (!keepProblem) {
          state.problem.set(null);
        }
      }),
      switchMap((value) =>
        load(value).pipe(
          catchError((error: unknown) => {
            state.problem.set(toProblem(error));
            return of(FAILED);
          }),
        ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((value) => {
      state.loading.set(false);
      if (value !== FAILED) {
        result.set(value);
      }
    });
  return result.asReadonly();
}
