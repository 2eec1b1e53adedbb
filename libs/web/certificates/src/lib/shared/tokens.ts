import { InjectionToken } from '@angular/core';

/** How often a list asks again while a certificate's PDF is still being rendered (ms). */
export const CERTIFICATE_PDF_POLL_MS = new InjectionToken<number>('CERTIFICATE_PDF_POLL_MS', {
  factory: () => 3000,
});

/** Asked this many times at most; the PDF normally takes a few seconds. */
export const CERTIFICATE_PDF_POLL_LIMIT = 20;

/** How often the zip export's progress is read while it runs (ms). */
export const CERTIFICATE_EXPORT_POLL_MS = new InjectionToken<number>('CERTIFICATE_EXPORT_POLL_MS', {
  factory: () => 2000,
});
