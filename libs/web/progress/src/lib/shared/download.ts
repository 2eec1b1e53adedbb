import type { WritableSignal } from '@angular/core';
import type { ProblemDetails } from '@siantar/contracts';
import { saveBlob, toProblemAsync } from '@siantar/web-core';
import type { LedgerApi } from '../api/progress.api';

/** Downloads a person's SIASN file of a year (`siasn-<NIP or id>-<year>.<format>`). */
export function downloadSiasn(
  api: LedgerApi,
  who: { userId: string; nip: string | null | undefined; year: number; format: 'csv' | 'xlsx' },
  state: { busy: WritableSignal<boolean>; problem: WritableSignal<ProblemDetails | null> },
): void {
  const { userId, nip, year, format } = who;
  state.busy.set(true);
  state.problem.set(null);
  api.siasn(userId, year, format).subscribe({
    next: (blob) => {
      state.busy.set(false);
      saveBlob(blob, `siasn-${nip ?? userId}-${year}.${format}`);
    },
    error: (error: unknown) => {
      state.busy.set(false);
      void toProblemAsync(error).then((p) => state.problem.set(p));
    },
  });
}
