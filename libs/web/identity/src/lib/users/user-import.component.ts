import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  type ProblemDetails,
  USER_IMPORT_COLUMNS,
  USER_IMPORT_MAX_ROWS,
  type UserImportResult,
  type UserImportRowResult,
} from '@siantar/contracts';
import { ProblemAlertComponent, UsersApi, toProblem, toProblemAsync } from '@siantar/web-core';
import type { Subscription } from 'rxjs';

export const TEMPLATE_FILE_NAME = 'templat-impor-pengguna.csv';

type Phase = 'idle' | 'uploading' | 'processing' | 'done';

@Component({
  selector: 'sb-user-import',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    MatTableModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <h1 class="sb-page-title">{{ 'import.title' | translate }}</h1>
      <div class="sb-actions">
        <a mat-button routerLink="/admin/pengguna">{{ 'import.back' | translate }}</a>
      </div>
    </div>

    <mat-card appearance="outlined">
      <mat-card-content>
        <p>{{ 'import.intro' | translate: { max: maxRows } }}</p>
        <p>
          {{ 'import.columns' | translate }}
          <code class="sb-code">{{ columns }}</code>
        </p>
        <button
          mat-stroked-button
          type="button"
          (click)="downloadTemplate()"
          [disabled]="downloading()"
        >
          <mat-icon svgIcon="download" aria-hidden="true" />
          {{ 'import.downloadTemplate' | translate }}
        </button>

        <form class="sb-upload" (submit)="$event.preventDefault(); upload()">
          <label for="sb-import-file" class="sb-file-label">{{ 'import.file' | translate }}</label>
          <input
            id="sb-import-file"
            class="sb-file-input"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="sb-import-file-hint"
            [disabled]="busy()"
            (change)="onFileChange($event)"
          />
          <span id="sb-import-file-hint" class="sb-muted">{{ 'import.fileHint' | translate }}</span>
          <div>
            <button mat-flat-button type="submit" [disabled]="!file() || busy()">
              <mat-icon svgIcon="upload" aria-hidden="true" />
              {{ 'import.upload' | translate }}
            </button>
          </div>
        </form>

        @if (phase() === 'uploading' || phase() === 'processing') {
          <div class="sb-progress" role="status">
            <mat-progress-bar
              [mode]="phase() === 'uploading' ? 'determinate' : 'indeterminate'"
              [value]="progress()"
              [attr.aria-label]="'import.progressLabel' | translate"
            />
            <span>
              @if (phase() === 'uploading') {
                {{ 'import.uploading' | translate: { percent: progress() } }}
              } @else {
                {{ 'import.processing' | translate }}
              }
            </span>
          </div>
        }
        <sb-problem-alert [problem]="problem()" />
      </mat-card-content>
    </mat-card>

    @if (result(); as r) {
      <section class="sb-section" aria-labelledby="sb-import-result-title">
        <h2 id="sb-import-result-title">{{ 'import.result.title' | translate }}</h2>
        <p role="status" class="sb-summary" data-testid="import-summary">
          {{
            'import.result.summary'
              | translate: { total: r.total, created: r.created, failed: r.failed }
          }}
        </p>
        @if (r.failed > 0) {
          <mat-slide-toggle [checked]="onlyErrors()" (change)="onlyErrors.set($event.checked)">
            {{ 'import.result.onlyErrors' | translate }}
          </mat-slide-toggle>
        }
        <div
          class="sb-table-scroll"
          tabindex="0"
          role="region"
          [attr.aria-label]="'import.result.tableLabel' | translate"
        >
          <table mat-table [dataSource]="rows()" class="sb-table">
            <caption class="sb-visually-hidden">
              {{
                'import.result.title' | translate
              }}
            </caption>
            <ng-container matColumnDef="line">
              <th mat-header-cell *matHeaderCellDef scope="col">
                {{ 'import.result.line' | translate }}
              </th>
              <td mat-cell *matCellDef="let row">{{ row.line }}</td>
            </ng-container>
            <ng-container matColumnDef="nip">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'user.nip' | translate }}</th>
              <td mat-cell *matCellDef="let row" class="sb-mono">{{ row.nip }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef scope="col">
                {{ 'import.result.status' | translate }}
              </th>
              <td mat-cell *matCellDef="let row">
                <span class="sb-chip" [class.sb-chip-error]="row.status === 'error'">
                  {{ 'import.status.' + row.status | translate }}
                </span>
              </td>
            </ng-container>
            <ng-container matColumnDef="errors">
              <th mat-header-cell *matHeaderCellDef scope="col">
                {{ 'import.result.errors' | translate }}
              </th>
              <td mat-cell *matCellDef="let row">
                @if (asRow(row).errors.length) {
                  <ul class="sb-error-list">
                    @for (message of asRow(row).errors; track $index) {
                      <li>{{ message }}</li>
                    }
                  </ul>
                } @else {
                  <span class="sb-muted">{{ 'common.none' | translate }}</span>
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="resultColumns"></tr>
            <tr
              mat-row
              *matRowDef="let row; columns: resultColumns"
              [class.sb-row-error]="row.status === 'error'"
            ></tr>
          </table>
        </div>
      </section>
    }
  `,
})
export class UserImportComponent {
  private readonly usersApi = inject(UsersApi);
  private uploadSubscription: Subscription | null = null;

  protected readonly maxRows = USER_IMPORT_MAX_ROWS;
  protected readonly columns = USER_IMPORT_COLUMNS.join(',');
  protected readonly resultColumns = ['line', 'nip', 'status', 'errors'];

  protected readonly file = signal<File | null>(null);
  protected readonly phase = signal<Phase>('idle');
  protected readonly progress = signal(0);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly result = signal<UserImportResult | null>(null);
  protected readonly onlyErrors = signal(false);
  protected readonly downloading = signal(false);
  protected readonly busy = computed(
    () => this.phase() === 'uploading' || this.phase() === 'processing',
  );
  protected readonly rows = computed<UserImportRowResult[]>(() => {
    const rows = this.result()?.rows ?? [];
    return this.onlyErrors() ? rows.filter((r) => r.status === 'error') : rows;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.uploadSubscription?.unsubscribe());
  }

  protected asRow(row: UserImportRowResult): UserImportRowResult {
    return row;
  }

  protected onFileChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    this.problem.set(null);
  }

  protected upload(): void {
    const file = this.file();
    if (!file || this.busy()) {
      return;
    }
    this.problem.set(null);
    this.result.set(null);
    this.onlyErrors.set(false);
    this.progress.set(0);
    this.phase.set('uploading');
    this.uploadSubscription = this.usersApi.import(file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const percent = event.total ? Math.round((100 * event.loaded) / event.total) : 0;
          this.progress.set(percent);
          if (event.total && event.loaded >= event.total) {
            this.phase.set('processing');
          }
        } else if (event.type === HttpEventType.Response) {
          this.progress.set(100);
          this.result.set(event.body);
          this.phase.set('done');
        }
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.phase.set('idle');
      },
    });
  }

  protected downloadTemplate(): void {
    this.downloading.set(true);
    this.problem.set(null);
    this.usersApi.importTemplate().subscribe({
      next: (blob) => {
        this.downloading.set(false);
        const url = URL.createObjectURL(blob);
        const anchor = document.createElement('a');
        anchor.href = url;
        anchor.download = TEMPLATE_FILE_NAME;
        document.body.appendChild(anchor);
        anchor.click();
        anchor.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      error: (error: unknown) => {
        this.downloading.set(false);
        void toProblemAsync(error).then((problem) => this.problem.set(problem));
      },
    });
  }
}
