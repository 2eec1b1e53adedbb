import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import type { ProblemDetails, ScormPackageResponse } from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { type Subscription, filter, map, switchMap, takeWhile, tap, timer } from 'rxjs';
import { UploadsApi } from '../api/authoring.api';

/** How often the worker's progress is read while a package is queued or processing. */
export const SCORM_POLL_MS = 2000;

let nextId = 0;

/**
 * Uploads a SCORM 1.2 zip (POST /scorm-packages, 202 queued), then polls
 * GET /scorm-packages/:id every 2 s until it is `ready` or `failed`, showing the worker's
 * progress and, when refused, its reason.
 */
@Component({
  selector: 'sb-scorm-upload',
  imports: [MatProgressBarModule, TranslatePipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-upload">
      <label class="sb-file-label" [for]="inputId">{{ 'authoring.scorm.file' | translate }}</label>
      <input
        class="sb-file-input"
        type="file"
        [id]="inputId"
        accept=".zip,application/zip"
        [disabled]="disabled() || working()"
        [attr.aria-describedby]="inputId + '-hint'"
        (change)="onChange($event)"
      />
      <span class="sb-muted" [id]="inputId + '-hint'">{{
        'authoring.scorm.hint' | translate
      }}</span>
      <div class="sb-progress" role="status" aria-live="polite">
        @if (uploading()) {
          <mat-progress-bar
            mode="determinate"
            [value]="uploadProgress()"
            [attr.aria-label]="'authoring.upload.progressLabel' | translate"
          />
          <span>{{ 'authoring.upload.uploading' | translate: { percent: uploadProgress() } }}</span>
        } @else if (pkg(); as p) {
          @switch (p.status) {
            @case ('queued') {
              <mat-progress-bar
                mode="indeterminate"
                [attr.aria-label]="'authoring.scorm.progressLabel' | translate"
              />
              <span>{{ 'authoring.scorm.queued' | translate }}</span>
            }
            @case ('processing') {
              <mat-progress-bar
                mode="determinate"
                [value]="p.progress"
                [attr.aria-label]="'authoring.scorm.progressLabel' | translate"
              />
              <span>{{ 'authoring.scorm.processing' | translate: { percent: p.progress } }}</span>
            }
            @case ('ready') {
              <span data-testid="scorm-ready">{{
                'authoring.scorm.ready'
                  | translate
                    : {
                        title: p.title ?? p.filename,
                        version: p.scormVersion ?? '1.2',
                        files: p.fileCount ?? 0,
                      }
              }}</span>
            }
            @case ('failed') {
              <span class="sb-error-text" data-testid="scorm-error">{{
                'authoring.scorm.failed' | translate: { reason: p.error ?? '' }
              }}</span>
            }
          }
        }
      </div>
      <sb-problem-alert [problem]="problem()" />
    </div>
  `,
})
export class ScormUploadComponent {
  private readonly api = inject(UploadsApi);

  readonly disabled = input(false);
  /** Emitted once the package is `ready`: its id goes into the lesson's content. */
  readonly ready = output<ScormPackageResponse>();

  protected readonly inputId = `sb-scorm-upload-${nextId++}`;
  protected readonly uploading = signal(false);
  protected readonly uploadProgress = signal(0);
  protected readonly pkg = signal<ScormPackageResponse | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly working = computed(() => {
    const status = this.pkg()?.status;
    return this.uploading() || status === 'queued' || status === 'processing';
  });
  private subscription: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  protected onChange(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) {
      this.upload(file);
    }
  }

  upload(file: File): void {
    this.subscription?.unsubscribe();
    this.pkg.set(null);
    this.problem.set(null);
    this.uploading.set(true);
    this.uploadProgress.set(0);
    this.subscription = this.api
      .uploadScorm(file)
      .pipe(
        tap((event) => {
          if (event.type === HttpEventType.UploadProgress) {
            this.uploadProgress.set(
              event.total ? Math.round((100 * event.loaded) / event.total) : 0,
            );
          }
        }),
        filter((event) => event.type === HttpEventType.Response),
        map((event) => (event.type === HttpEventType.Response ? event.body : null)),
        tap((pkg) => {
          this.uploading.set(false);
          if (pkg) {
            this.show(pkg);
          }
        }),
        switchMap((pkg) =>
          timer(SCORM_POLL_MS, SCORM_POLL_MS).pipe(
            takeWhile(() => !isFinal(this.pkg())),
            switchMap(() => this.api.scormPackage(pkg?.id ?? '')),
          ),
        ),
      )
      .subscribe({
        next: (pkg) => this.show(pkg),
        error: (error: unknown) => {
          this.uploading.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }

  private show(pkg: ScormPackageResponse): void {
    this.pkg.set(pkg);
    if (pkg.status === 'ready') {
      this.ready.emit(pkg);
    }
  }
}

function isFinal(pkg: ScormPackageResponse | null): boolean {
  return !pkg || pkg.status === 'ready' || pkg.status === 'failed';
}
