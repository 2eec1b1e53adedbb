import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  ExportFormat,
  ExportJobView,
  ProblemDetails,
  ReportFilter,
  ReportTable,
} from '@siantar/contracts';
import { ProblemAlertComponent, sendRequest } from '@siantar/web-core';
import { EMPTY, type Subscription, catchError, filter, interval, switchMap } from 'rxjs';
import { ProgressEventsService } from '../api/progress-events';
import { ReportsApi } from '../api/progress.api';
import { exportRunning, newerExport } from '../reports/report-math';

/** Polling of the export job while no socket event says it moved (ms). */
export const EXPORT_POLL_MS = 2000;

/**
 * "Unduh CSV" / "Unduh XLSX" of a report table: starts a server export, follows its progress
 * (socket `report-export` events, polling every 2 s as the fallback) and offers the file.
 */
@Component({
  selector: 'sb-export-buttons',
  imports: [
    DecimalPipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="buttons"
      role="group"
      [attr.aria-label]="'progress.export.group' | translate: { table: tableLabel() | translate }"
    >
      @for (f of formats; track f) {
        <button
          mat-stroked-button
          type="button"
          (click)="start(f)"
          [disabled]="busy() || running()"
          [attr.data-testid]="'export-' + table() + '-' + f"
        >
          <mat-icon svgIcon="download" aria-hidden="true" />
          {{ 'progress.export.' + f | translate }}
          <span class="sb-visually-hidden">: {{ tableLabel() | translate }}</span>
        </button>
      }
    </div>
    <div class="status" aria-live="polite" [attr.data-testid]="'export-status-' + table()">
      @if (job(); as j) {
        @if (running()) {
          <mat-progress-bar
            [mode]="j.status === 'queued' ? 'indeterminate' : 'determinate'"
            [value]="j.progress"
            [attr.aria-label]="'progress.export.progressLabel' | translate"
          />
          <span>
            @if (j.status === 'queued') {
              {{ 'progress.export.queued' | translate }}
            } @else if (j.totalRows !== null) {
              {{
                'progress.export.runningRows'
                  | translate
                    : { percent: (j.progress | number: '1.0-0'), rows: j.rows, total: j.totalRows }
              }}
            } @else {
              {{
                'progress.export.running' | translate: { percent: (j.progress | number: '1.0-0') }
              }}
            }
          </span>
        } @else if (j.status === 'done' && j.downloadUrl) {
          <a
            mat-flat-button
            [href]="j.downloadUrl"
            [attr.download]="j.filename ?? ''"
            [attr.data-testid]="'export-download-' + table()"
          >
            <mat-icon svgIcon="download" aria-hidden="true" />
            {{
              'progress.export.download' | translate: { name: j.filename ?? j.format.toUpperCase() }
            }}
          </a>
          <span class="sb-muted">{{ 'progress.export.rows' | translate: { rows: j.rows } }}</span>
        } @else if (j.status === 'failed') {
          <span class="sb-error-text">{{ j.error || ('progress.export.failed' | translate) }}</span>
        }
      }
    </div>
    <sb-problem-alert [problem]="problem()" />
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      flex: 1 1 220px;
      mat-progress-bar {
        flex: 1 1 160px;
      }
    }
  `,
})
export class ExportButtonsComponent {
  private readonly api = inject(ReportsApi);
  private readonly events = inject(ProgressEventsService);

  readonly table = input.required<ReportTable>();
  /** Translation key naming the table, for the buttons' accessible names. */
  readonly tableLabel = input.required<string>();
  readonly filter = input.required<ReportFilter>();
  readonly behindOnly = input(false);

  protected readonly formats: readonly ExportFormat[] = ['csv', 'xlsx'];
  protected readonly job = signal<ExportJobView | null>(null);
  protected readonly running = computed(() => exportRunning(this.job()));
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private follow: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.follow?.unsubscribe());
  }

  protected start(format: ExportFormat): void {
    const body = {
      table: this.table(),
      format,
      filter: this.filter(),
      ...(this.table() === 'people' && this.behindOnly() ? { behindOnly: true } : {}),
    };
    sendRequest(this.api.startExport(body), { busy: this.busy, problem: this.problem }, (job) => {
      this.job.set(job);
      this.watch(job.id);
    });
  }

  private watch(jobId: string): void {
    this.follow?.unsubscribe();
    if (!exportRunning(this.job())) {
      return;
    }
    const update = (next: ExportJobView): void => {
      this.job.update((current) => newerExport(current, next));
      if (!exportRunning(this.job())) {
        this.follow?.unsubscribe();
        this.follow = null;
      }
    };
    this.follow = this.events.exports.pipe(filter((e) => e.id === jobId)).subscribe((e) => {
      // A finished event without its link: ask for the job (the link is signed there).
      if (e.status === 'done' && !e.downloadUrl) {
        this.api.exportJob(jobId).subscribe({ next: update, error: () => undefined });
        return;
      }
      update(e);
    });
    this.follow.add(
      interval(EXPORT_POLL_MS)
        .pipe(switchMap(() => this.api.exportJob(jobId).pipe(catchError(() => EMPTY))))
        .subscribe(update),
    );
  }
}
