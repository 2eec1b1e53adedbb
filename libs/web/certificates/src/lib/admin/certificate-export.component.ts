import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import type { CertificateExportView, ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, sendRequest } from '@siantar/web-core';
import { EMPTY, type Subscription, catchError, interval, switchMap } from 'rxjs';
import { CertificatesAdminApi } from '../api/certificates.api';
import { CERTIFICATE_EXPORT_POLL_MS } from '../shared/tokens';

export function exportRunning(job: CertificateExportView | null): boolean {
  return !!job && (job.status === 'queued' || job.status === 'running');
}

/**
 * "Unduh semua (zip)" of one course: starts the server's export of every valid certificate,
 * reads its progress every couple of seconds and offers the zip once done (or says it failed).
 */
@Component({
  selector: 'sb-certificate-export',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="sb-cert-export" [attr.aria-labelledby]="'cert-export-title'">
      <h2 id="cert-export-title">{{ 'certificates.export.title' | translate }}</h2>
      <p class="sb-muted">
        {{ 'certificates.export.lead' | translate: { course: courseTitle() } }}
      </p>
      <div class="sb-actions">
        <button
          mat-stroked-button
          type="button"
          (click)="start()"
          [disabled]="busy() || running()"
          data-testid="export-start"
        >
          <mat-icon svgIcon="sbc-zip" aria-hidden="true" />
          {{
            (job()?.status === 'failed' ? 'certificates.export.again' : 'certificates.export.start')
              | translate
          }}
        </button>
      </div>
      <div class="sb-cert-export-status" aria-live="polite" data-testid="export-status">
        @if (job(); as j) {
          @if (running()) {
            <mat-progress-bar
              [mode]="j.status === 'queued' ? 'indeterminate' : 'determinate'"
              [value]="j.progress"
              [attr.aria-label]="'certificates.export.progressLabel' | translate"
            />
            <span data-testid="export-progress">
              @if (j.status === 'queued') {
                {{ 'certificates.export.queued' | translate }}
              } @else if (j.total !== null) {
                {{
                  'certificates.export.runningCount'
                    | translate: { done: j.done, total: j.total, percent: j.progress }
                }}
              } @else {
                {{ 'certificates.export.running' | translate: { percent: j.progress } }}
              }
            </span>
          } @else if (j.status === 'done' && j.downloadUrl) {
            <a
              mat-flat-button
              [href]="j.downloadUrl"
              [attr.download]="j.filename ?? ''"
              data-testid="export-download"
            >
              <mat-icon svgIcon="download" aria-hidden="true" />
              {{ 'certificates.export.download' | translate: { name: j.filename ?? 'zip' } }}
            </a>
            <span class="sb-muted">{{
              'certificates.export.doneCount' | translate: { count: j.done }
            }}</span>
          } @else if (j.status === 'failed') {
            <span class="sb-error-text" data-testid="export-failed">
              {{ 'certificates.export.failed' | translate }}
              @if (j.error) {
                {{ j.error }}
              }
            </span>
          }
        }
      </div>
      <sb-problem-alert [problem]="problem()" />
    </section>
  `,
  styles: `
    .sb-cert-export {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
      h2 {
        margin: 0;
        font: var(--mat-sys-title-medium);
      }
      p {
        margin: 0;
      }
    }
    .sb-cert-export-status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      &:empty {
        display: none;
      }
      mat-progress-bar {
        flex: 1 1 200px;
      }
    }
  `,
})
export class CertificateExportComponent {
  private readonly api = inject(CertificatesAdminApi);
  private readonly pollMs = inject(CERTIFICATE_EXPORT_POLL_MS);

  readonly courseId = input.required<string>();
  readonly courseTitle = input.required<string>();

  protected readonly job = signal<CertificateExportView | null>(null);
  protected readonly running = computed(() => exportRunning(this.job()));
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private follow: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.follow?.unsubscribe());
    // Another course: its own export, from the start.
    effect(() => {
      this.courseId();
      untracked(() => {
        this.follow?.unsubscribe();
        this.follow = null;
        this.job.set(null);
        this.problem.set(null);
      });
    });
  }

  protected start(): void {
    const courseId = this.courseId();
    sendRequest(
      this.api.startExport(courseId),
      { busy: this.busy, problem: this.problem },
      (job) => {
        if (courseId !== this.courseId()) {
          return;
        }
        this.job.set(job);
        this.watch(job.id);
      },
    );
  }

  /** Reads the job until it is done or failed; a failed read is tried again at the next tick. */
  private watch(jobId: string): void {
    this.follow?.unsubscribe();
    if (!exportRunning(this.job())) {
      return;
    }
    this.follow = interval(this.pollMs)
      .pipe(switchMap(() => this.api.exportJob(jobId).pipe(catchError(() => EMPTY))))
      .subscribe((job) => {
        this.job.set(job);
        if (!exportRunning(job)) {
          this.follow?.unsubscribe();
          this.follow = null;
        }
      });
  }
}
