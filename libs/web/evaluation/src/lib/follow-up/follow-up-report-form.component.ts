import { DecimalPipe } from '@angular/common';
import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  ACTION_ITEM_STATUSES,
  type ActionItemStatus,
  FOLLOW_UP_MAX_EVIDENCE,
  type FollowUpEvidence,
  type FollowUpView,
  type ProblemDetails,
} from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import type { Subscription } from 'rxjs';
import { EvaluationApi } from '../api/evaluation.api';
import { errorsByIndex } from '../ui/problem-paths';

/** What the evidence upload accepts (the server checks the bytes; this only helps the picker). */
export const EVIDENCE_ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.webp,.heic,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';
/** The server's default upload limit; a bigger file is refused here before it is sent. */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

interface Upload {
  /** Stable while its progress changes. */
  key: number;
  name: string;
  progress: number;
  problem: ProblemDetails | null;
}

let nextId = 0;

/**
 * The alumnus's follow-up report: how the action plan went (text), the status of each RTL
 * item with a note, and evidence files (uploaded one by one as they are picked, each with its
 * progress or the server's refusal). Emits the follow-up once the report is accepted.
 */
@Component({
  selector: 'sb-follow-up-report-form',
  imports: [
    FormsModule,
    DecimalPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (ngSubmit)="submit()" novalidate data-testid="report-form">
      <mat-form-field class="sbe-wide">
        <mat-label>{{ 'evaluation.followUp.progress' | translate }}</mat-label>
        <textarea
          matInput
          rows="4"
          maxlength="4000"
          required
          [value]="progress()"
          (input)="setProgress($any($event.target).value)"
          [attr.aria-invalid]="progressError() ? 'true' : null"
          [attr.aria-describedby]="uid + '-progress-err'"
          data-testid="report-progress"
        ></textarea>
        <mat-hint>{{ 'evaluation.followUp.progressHint' | translate }}</mat-hint>
      </mat-form-field>
      <p class="sb-error-text" [id]="uid + '-progress-err'" aria-live="polite">
        {{ progressError() }}
      </p>

      @if (followUp().actionPlan.length) {
        <fieldset class="sbe-items">
          <legend>{{ 'evaluation.followUp.itemStatuses' | translate }}</legend>
          @for (item of followUp().actionPlan; track item.id; let i = $index) {
            <div class="sbe-item" [attr.data-item]="item.id" data-testid="report-item">
              <p class="sb-strong" [id]="uid + '-item-' + i">{{ item.action }}</p>
              <div class="sbe-row">
                <mat-form-field>
                  <mat-label>{{ 'evaluation.followUp.status' | translate }}</mat-label>
                  <mat-select
                    [value]="statuses()[item.id]"
                    (valueChange)="setStatus(item.id, $event)"
                    [attr.aria-describedby]="uid + '-item-' + i"
                  >
                    @for (s of statusOptions; track s) {
                      <mat-option [value]="s">{{
                        'evaluation.itemStatus.' + s | translate
                      }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
                <mat-form-field class="sbe-grow">
                  <mat-label>{{ 'evaluation.followUp.note' | translate }}</mat-label>
                  <input
                    matInput
                    maxlength="1000"
                    [value]="notes()[item.id] ?? ''"
                    (input)="setNote(item.id, $any($event.target).value)"
                  />
                </mat-form-field>
              </div>
              @if (itemErrors()[item.id]; as e) {
                <p class="sb-error-text" data-testid="item-error">{{ e }}</p>
              }
            </div>
          }
        </fieldset>
      }

      <div class="sb-upload">
        <label class="sb-file-label" [for]="uid + '-file'">{{
          'evaluation.followUp.evidence' | translate
        }}</label>
        <input
          class="sb-file-input"
          type="file"
          multiple
          [id]="uid + '-file'"
          [accept]="accept"
          [disabled]="evidence().length + uploads().length >= maxFiles"
          [attr.aria-describedby]="uid + '-file-hint'"
          (change)="pick($event)"
          data-testid="evidence-input"
        />
        <span class="sb-muted" [id]="uid + '-file-hint'" data-testid="evidence-hint">{{
          'evaluation.followUp.evidenceHint' | translate: { n: maxFiles, mb: maxMb }
        }}</span>
        @for (u of uploads(); track u.key) {
          <div class="sbe-upload" role="status">
            <span>{{ u.name }}</span>
            @if (u.problem) {
              <sb-problem-alert [problem]="u.problem" [showRequestId]="false" />
              <button mat-button type="button" (click)="dismiss(u)">
                {{ 'common.close' | translate }}
              </button>
            } @else {
              <mat-progress-bar
                mode="determinate"
                [value]="u.progress"
                [attr.aria-label]="'evaluation.followUp.uploading' | translate: { name: u.name }"
              />
            }
          </div>
        }
        @if (evidence().length) {
          <ul class="sbe-files" data-testid="evidence-list">
            @for (e of evidence(); track e.fileId) {
              <li>
                <span>{{ e.filename }}</span>
                <span class="sb-muted">({{ e.size / 1024 | number: '1.0-0' }} KB)</span>
                <button
                  mat-icon-button
                  type="button"
                  (click)="removeEvidence(e.fileId)"
                  [attr.aria-label]="
                    'evaluation.followUp.removeFile' | translate: { name: e.filename }
                  "
                >
                  <mat-icon svgIcon="close" aria-hidden="true" />
                </button>
              </li>
            }
          </ul>
        }
      </div>

      <sb-problem-alert [problem]="problem()" />
      <button
        mat-flat-button
        type="submit"
        [disabled]="busy() || uploading()"
        data-testid="report-submit"
      >
        {{ 'evaluation.followUp.send' | translate }}
      </button>
    </form>
  `,
  styles: `
    .sbe-wide {
      width: 100%;
    }
    .sbe-items {
      border: 0;
      margin: 8px 0;
      padding: 0;
      legend {
        font: var(--mat-sys-title-small);
        padding: 0 0 8px;
      }
    }
    .sbe-item p {
      margin: 0 0 4px;
      overflow-wrap: anywhere;
    }
    .sbe-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
    }
    .sbe-grow {
      flex: 1 1 240px;
    }
    .sbe-upload {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-top: 8px;
    }
    .sbe-files {
      margin: 8px 0;
      padding-inline-start: 20px;
      li {
        display: flex;
        align-items: center;
        gap: 8px;
        overflow-wrap: anywhere;
      }
    }
    button[type='submit'] {
      margin-top: 12px;
    }
  `,
})
export class FollowUpReportFormComponent {
  private readonly api = inject(EvaluationApi);
  private readonly translate = inject(TranslateService);

  readonly followUp = input.required<FollowUpView>();
  readonly reported = output<FollowUpView>();

  protected readonly uid = `sbe-report-${nextId++}`;
  protected readonly accept = EVIDENCE_ACCEPT;
  protected readonly maxFiles = FOLLOW_UP_MAX_EVIDENCE;
  protected readonly maxMb = EVIDENCE_MAX_BYTES / 1024 / 1024;
  protected readonly statusOptions = ACTION_ITEM_STATUSES;

  protected readonly progress = signal('');
  protected readonly statuses = signal<Partial<Record<string, ActionItemStatus>>>({});
  protected readonly notes = signal<Partial<Record<string, string>>>({});
  protected readonly evidence = signal<FollowUpEvidence[]>([]);
  protected readonly uploads = signal<Upload[]>([]);
  protected readonly progressError = signal('');
  protected readonly itemErrors = signal<Partial<Record<string, string>>>({});
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private readonly subscriptions = new Set<Subscription>();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscriptions.forEach((s) => s.unsubscribe()));
    // Sending again replaces the report: start from what was sent.
    effect(() => {
      const report = this.followUp().report;
      untracked(() => {
        if (report) {
          this.progress.set(report.progress);
          this.statuses.set(Object.fromEntries(report.items.map((i) => [i.itemId, i.status])));
          this.notes.set(Object.fromEntries(report.items.map((i) => [i.itemId, i.note ?? ''])));
          this.evidence.set([...report.evidence]);
        }
      });
    });
  }

  protected uploading(): boolean {
    return this.uploads().some((u) => !u.problem);
  }

  protected setProgress(value: string): void {
    this.progress.set(value);
    this.progressError.set('');
  }

  protected setStatus(itemId: string, status: ActionItemStatus): void {
    this.statuses.update((s) => ({ ...s, [itemId]: status }));
    this.itemErrors.update(({ [itemId]: _, ...rest }) => rest);
  }

  protected setNote(itemId: string, note: string): void {
    this.notes.update((n) => ({ ...n, [itemId]: note }));
  }

  protected pick(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    for (const file of files) {
      if (
        this.evidence().length + this.uploads().filter((u) => !u.problem).length >=
        this.maxFiles
      ) {
        this.addRefusal(
          file.name,
          this.translate.instant('evaluation.followUp.tooMany', { n: this.maxFiles }) as string,
        );
        continue;
      }
      if (file.size > EVIDENCE_MAX_BYTES) {
        this.addRefusal(
          file.name,
          this.translate.instant('evaluation.followUp.tooBig', { mb: this.maxMb }) as string,
        );
        continue;
      }
      this.upload(file);
    }
  }

  private addRefusal(name: string, detail: string): void {
    const problem: ProblemDetails = {
      type: 'about:blank',
      title: '',
      status: 0,
      detail,
      code: 'client.file',
    };
    this.uploads.update((list) => [...list, { key: nextId++, name, progress: 0, problem }]);
  }

  private upload(file: File): void {
    const entry: Upload = { key: nextId++, name: file.name, progress: 0, problem: null };
    this.uploads.update((list) => [...list, entry]);
    let current = entry;
    const replace = (next: Upload | null): void =>
      this.uploads.update((list) =>
        next ? list.map((u) => (u === current ? next : u)) : list.filter((u) => u !== current),
      );
    const subscription = this.api.uploadEvidence(this.followUp().id, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const next = {
            ...current,
            progress: event.total ? Math.round((100 * event.loaded) / event.total) : 0,
          };
          replace(next);
          current = next;
        } else if (event.type === HttpEventType.Response && event.body) {
          const stored = event.body;
          replace(null);
          this.evidence.update((list) => [
            ...list,
            {
              fileId: stored.id,
              filename: stored.filename,
              contentType: stored.contentType,
              size: stored.size,
              url: '',
            },
          ]);
        }
      },
      error: (error: unknown) => {
        const next = { ...current, problem: toProblem(error) };
        replace(next);
        current = next;
      },
    });
    this.subscriptions.add(subscription);
  }

  protected dismiss(upload: Upload): void {
    this.uploads.update((list) => list.filter((u) => u !== upload));
  }

  protected removeEvidence(fileId: string): void {
    this.evidence.update((list) => list.filter((e) => e.fileId !== fileId));
  }

  protected submit(): void {
    const f = this.followUp();
    const progress = this.progress().trim();
    const statuses = this.statuses();
    const missing = f.actionPlan.filter((i) => !statuses[i.id]);
    this.progressError.set(
      progress.length < 10
        ? (this.translate.instant('evaluation.followUp.progressShort') as string)
        : '',
    );
    const required = this.translate.instant('evaluation.followUp.statusRequired') as string;
    this.itemErrors.set(Object.fromEntries(missing.map((i) => [i.id, required])));
    if (this.progressError() || missing.length) {
      return;
    }
    const items = f.actionPlan.map((i) => {
      const note = (this.notes()[i.id] ?? '').trim();
      return {
        itemId: i.id,
        status: statuses[i.id] as ActionItemStatus,
        ...(note ? { note } : {}),
      };
    });
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .report(f.id, { progress, items, evidenceFileIds: this.evidence().map((e) => e.fileId) })
      .subscribe({
        next: (view) => {
          this.busy.set(false);
          this.reported.emit(view);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const problem = toProblem(error);
          const { byIndex } = errorsByIndex(problem, 'items');
          const perItem: Record<string, string> = {};
          for (const [index, errors] of byIndex) {
            const itemId = items[index]?.itemId;
            if (itemId) {
              perItem[itemId] = errors.map((e) => e.message).join(' ');
            }
          }
          this.itemErrors.set(perItem);
          const progressErrors = (problem.errors ?? []).filter((e) => e.path === 'progress');
          this.progressError.set(progressErrors.map((e) => e.message).join(' '));
          this.problem.set(problem);
        },
      });
  }
}
