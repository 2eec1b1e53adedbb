import { HttpEventType, type HttpHeaders } from '@angular/common/http';
import { type DestroyRef, computed, signal } from '@angular/core';
import type { CertificateView, ProblemDetails } from '@siantar/contracts';
import { saveBlob, toProblemAsync } from '@siantar/web-core';
import type { Subscription } from 'rxjs';
import type { CertificatesApi } from '../api/certificates.api';

/** `sertifikat-0001-SKP-BKPSDM-2026.pdf`: the register number, safe as a file name. */
export function certificateFileName(certificate: Pick<CertificateView, 'registerNumber'>): string {
  const safe = certificate.registerNumber.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `sertifikat-${safe || 'dokumen'}.pdf`;
}

/** The file name the server gave in Content-Disposition, if any. */
export function dispositionFileName(headers: HttpHeaders | null | undefined): string | null {
  const value = headers?.get('Content-Disposition');
  if (!value) {
    return null;
  }
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(value);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(value);
  return plain ? plain[1].trim() : null;
}

/**
 * PDF downloads of certificates, one at a time per certificate: each one's progress (a
 * percentage, or null while the size is unknown) and the last failure with the number it was for.
 */
export class PdfDownloads {
  private readonly running = signal<ReadonlyMap<string, number | null>>(new Map());
  private readonly subscriptions = new Map<string, Subscription>();
  readonly problem = signal<{ registerNumber: string; problem: ProblemDetails } | null>(null);
  readonly any = computed(() => this.running().size > 0);

  constructor(
    private readonly api: CertificatesApi,
    destroyRef: DestroyRef,
  ) {
    destroyRef.onDestroy(() => this.subscriptions.forEach((s) => s.unsubscribe()));
  }

  busy(id: string): boolean {
    return this.running().has(id);
  }

  /** Percent done, null while unknown; undefined when not downloading. */
  progress(id: string): number | null | undefined {
    return this.running().get(id);
  }

  start(certificate: Pick<CertificateView, 'id' | 'registerNumber'>): void {
    const { id } = certificate;
    if (this.busy(id)) {
      return;
    }
    this.set(id, null);
    this.problem.set(null);
    this.subscriptions.set(
      id,
      this.api.pdf(id).subscribe({
        next: (event) => {
          if (event.type === HttpEventType.DownloadProgress) {
            this.set(id, event.total ? Math.round((100 * event.loaded) / event.total) : null);
          } else if (event.type === HttpEventType.Response && event.body) {
            this.finish(id);
            saveBlob(
              event.body,
              dispositionFileName(event.headers) ?? certificateFileName(certificate),
            );
          }
        },
        error: (error: unknown) => {
          this.finish(id);
          void toProblemAsync(error).then((problem) =>
            this.problem.set({ registerNumber: certificate.registerNumber, problem }),
          );
        },
      }),
    );
  }

  private set(id: string, value: number | null): void {
    this.running.update((m) => new Map(m).set(id, value));
  }

  private finish(id: string): void {
    this.subscriptions.delete(id);
    this.running.update((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  }
}
