import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { JpTargetView, ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, fieldErrors, sendRequest, toProblem } from '@siantar/web-core';
import { LedgerApi } from '../api/progress.api';

/** `/laporan/target-jp`: the yearly JP target per employment type (PNS, PPPK). */
@Component({
  selector: 'sb-jp-targets',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/laporan">
      <mat-icon svgIcon="sbp-back" aria-hidden="true" />
      {{ 'progress.dashboard.title' | translate }}
    </a>
    <h1 class="sb-page-title">{{ 'progress.targets.title' | translate }}</h1>
    <p class="sb-lead">{{ 'progress.targets.intro' | translate }}</p>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />
    <div class="sb-card-grid">
      @for (t of targets(); track t.employmentType) {
        <form
          class="card"
          (ngSubmit)="save(t)"
          novalidate
          [attr.aria-labelledby]="'sbp-target-' + t.employmentType"
        >
          <h2 [id]="'sbp-target-' + t.employmentType">
            {{ 'employmentType.' + t.employmentType | translate }}
          </h2>
          <mat-form-field>
            <mat-label>{{ 'progress.targets.jp' | translate }}</mat-label>
            <input
              matInput
              type="number"
              inputmode="numeric"
              min="1"
              max="40"
              step="1"
              required
              [name]="'jp-' + t.employmentType"
              [ngModel]="drafts()[t.employmentType]"
              (ngModelChange)="setDraft(t.employmentType, $event)"
            />
            <mat-hint>{{
              'progress.targets.updated' | translate: { date: (t.updatedAt | date: 'medium') }
            }}</mat-hint>
            @for (e of errors(t.employmentType); track e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          <sb-problem-alert [problem]="saveProblems()[t.employmentType] ?? null" />
          <button mat-flat-button type="submit" [disabled]="saving() === t.employmentType">
            {{ 'common.save' | translate }}
          </button>
        </form>
      }
    </div>
  `,
  styles: `
    .card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 16px;
      background: var(--mat-sys-surface);
      display: flex;
      flex-direction: column;
      gap: 12px;
      align-items: flex-start;
    }
  `,
})
export class JpTargetsComponent {
  private readonly api = inject(LedgerApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly targets = signal<JpTargetView[]>([]);
  protected readonly drafts = signal<Record<string, number | null>>({});
  protected readonly saving = signal<string | null>(null);
  protected readonly saveProblems = signal<Record<string, ProblemDetails | null>>({});

  constructor() {
    sendRequest(this.api.targets(), { busy: this.loading, problem: this.problem }, (list) => {
      this.targets.set(list);
      this.drafts.set(Object.fromEntries(list.map((t) => [t.employmentType, t.jp])));
    });
  }

  protected setDraft(type: string, value: number | null): void {
    this.drafts.update((d) => ({ ...d, [type]: value }));
  }

  protected errors(type: string): string[] {
    return fieldErrors(this.saveProblems()[type], 'jp');
  }

  protected save(t: JpTargetView): void {
    const type = t.employmentType;
    this.saving.set(type);
    this.saveProblems.update((p) => ({ ...p, [type]: null }));
    this.api.setTarget(type, Number(this.drafts()[type])).subscribe({
      next: (saved) => {
        this.saving.set(null);
        this.targets.update((list) => list.map((x) => (x.employmentType === type ? saved : x)));
        this.snackBar.open(
          this.translate.instant('progress.targets.saved', { type, jp: saved.jp }) as string,
          this.translate.instant('common.close') as string,
          { duration: 4000 },
        );
      },
      error: (error: unknown) => {
        this.saving.set(null);
        this.saveProblems.update((p) => ({ ...p, [type]: toProblem(error) }));
      },
    });
  }
}
