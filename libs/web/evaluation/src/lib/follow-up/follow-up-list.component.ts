import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  FOLLOW_UP_LIST_STATUSES,
  type FollowUpListStatus,
  type FollowUpView,
  type Page,
  type ProblemDetails,
} from '@siantar/contracts';
import {
  PageState,
  PaginatorComponent,
  ProblemAlertComponent,
  loadOnChange,
} from '@siantar/web-core';
import { EvaluationApi } from '../api/evaluation.api';
import { FollowUpConfirmFormComponent } from './follow-up-confirm-form.component';
import { FollowUpDetailsComponent } from './follow-up-details.component';
import { FollowUpReportFormComponent } from './follow-up-report-form.component';

export type FollowUpListMode = 'mine' | 'team';

interface ListQuery {
  mode: FollowUpListMode;
  status: FollowUpListStatus | null;
  limit: number;
  offset: number;
}

/**
 * `/evaluasi/tindak-lanjut` ("Tindak lanjut saya", mode `mine`): the alumnus's follow-ups, the
 * due ones with the report form; `/evaluasi/tim` (mode `team`): the supervisor's team's
 * follow-ups, those to confirm with the short questionnaire. Filterable by status, paged.
 */
@Component({
  selector: 'sb-follow-up-list',
  imports: [
    DatePipe,
    MatButtonToggleModule,
    MatProgressBarModule,
    TranslatePipe,
    PaginatorComponent,
    ProblemAlertComponent,
    FollowUpDetailsComponent,
    FollowUpReportFormComponent,
    FollowUpConfirmFormComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'evaluation.' + mode() + '.title' | translate }}</h1>
        <p class="sb-lead">{{ 'evaluation.' + mode() + '.intro' | translate }}</p>
      </div>
    </div>
    <mat-button-toggle-group
      [value]="status()"
      (change)="setStatus($event.value)"
      [attr.aria-label]="'evaluation.followUp.filter' | translate"
      data-testid="follow-up-filter"
    >
      <mat-button-toggle value="">{{ 'evaluation.followUp.all' | translate }}</mat-button-toggle>
      @for (s of statuses; track s) {
        <mat-button-toggle [value]="s">{{
          'evaluation.status.' + s | translate
        }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />

    @if (page(); as p) {
      @if (!p.items.length) {
        <p class="sb-empty" data-testid="follow-up-empty">
          {{ 'evaluation.' + mode() + '.empty' + (status() ? 'Filtered' : '') | translate }}
        </p>
      }
      <ul class="sbe-list">
        @for (f of items(); track f.id) {
          <li [attr.data-follow-up]="f.id" data-testid="follow-up">
            <article [attr.aria-labelledby]="'sbe-fu-' + f.id">
              <header>
                <h2 [id]="'sbe-fu-' + f.id">
                  @if (mode() === 'team') {
                    {{ f.alumnus.name }} ·
                  }
                  {{ f.courseTitle }}
                </h2>
                <span
                  class="sb-chip"
                  [class.sb-chip-error]="f.status === 'overdue'"
                  [class.sb-chip-off]="f.status === 'done' || f.status === 'cancelled'"
                  data-testid="follow-up-status"
                  >{{ 'evaluation.status.' + f.status | translate }}</span
                >
              </header>
              <p class="sb-muted">
                {{ 'evaluation.followUp.offset' | translate: { n: f.offsetDays } }} ·
                {{
                  'evaluation.followUp.answerBy'
                    | translate: { date: (f.answerBy | date: 'mediumDate') }
                }}
                @if (mode() === 'team' && f.alumnus.orgUnitName) {
                  · {{ f.alumnus.orgUnitName }}
                }
                @if (mode() === 'mine') {
                  ·
                  @if (f.supervisor) {
                    {{ 'evaluation.followUp.supervisor' | translate: { name: f.supervisor.name } }}
                  } @else {
                    {{ 'evaluation.followUp.noSupervisor' | translate }}
                  }
                }
              </p>
              <sb-follow-up-details [followUp]="f" />
              @if (mode() === 'mine' && f.canReport) {
                <h3>
                  {{
                    (f.report
                      ? 'evaluation.followUp.updateTitle'
                      : 'evaluation.followUp.reportTitle'
                    ) | translate
                  }}
                </h3>
                <sb-follow-up-report-form
                  [followUp]="f"
                  (reported)="replace($event, 'evaluation.followUp.sent')"
                />
              }
              @if (
                mode() === 'mine' &&
                f.report &&
                !f.confirmation &&
                f.supervisor &&
                f.status !== 'done'
              ) {
                <p class="sb-muted" data-testid="awaiting-confirmation">
                  {{ 'evaluation.followUp.awaiting' | translate: { name: f.supervisor.name } }}
                </p>
              }
              @if (mode() === 'team' && f.canConfirm) {
                <h3>{{ 'evaluation.team.confirmTitle' | translate }}</h3>
                <sb-follow-up-confirm-form
                  [followUp]="f"
                  (confirmed)="replace($event, 'evaluation.team.confirmed')"
                />
              } @else if (mode() === 'team' && !f.report && !f.confirmation) {
                <p class="sb-muted" data-testid="awaiting-report">
                  {{ 'evaluation.team.awaitingReport' | translate: { name: f.alumnus.name } }}
                </p>
              }
            </article>
          </li>
        }
      </ul>
      @if (p.total > pageState.size()) {
        <sb-paginator [state]="pageState" [length]="p.total" />
      }
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 960px;
    }
    mat-button-toggle-group {
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .sbe-list {
      list-style: none;
      margin: 0;
      padding: 0;
      > li {
        border: 1px solid var(--mat-sys-outline-variant);
        border-radius: 12px;
        background: var(--mat-sys-surface);
        padding: 12px 16px;
        margin-bottom: 16px;
      }
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      justify-content: space-between;
      h2 {
        font: var(--mat-sys-title-medium);
        margin: 0;
        overflow-wrap: anywhere;
      }
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
  `,
})
export class FollowUpListComponent {
  private readonly api = inject(EvaluationApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  /** Route data. */
  readonly mode = input<FollowUpListMode>('mine');

  protected readonly statuses = FOLLOW_UP_LIST_STATUSES;
  protected readonly status = signal<FollowUpListStatus | ''>('');
  protected readonly pageState = new PageState(20);
  readonly loading = signal(false);
  readonly problem = signal<ProblemDetails | null>(null);
  /** Follow-ups answered here, shown as the API returned them. */
  private readonly answered = signal<Record<string, FollowUpView>>({});

  private readonly query = computed<ListQuery>(() => ({
    mode: this.mode(),
    status: this.status() || null,
    limit: this.pageState.size(),
    offset: this.pageState.offset(),
  }));

  protected readonly page = loadOnChange<ListQuery, Page<FollowUpView>>(
    this.query,
    (q) => (q.mode === 'team' ? this.api.teamFollowUps(q) : this.api.myFollowUps(q)),
    this,
  );

  protected readonly items = computed(() =>
    (this.page()?.items ?? []).map((f) => this.answered()[f.id] ?? f),
  );

  protected setStatus(value: FollowUpListStatus | ''): void {
    this.status.set(value);
    this.answered.set({});
    this.pageState.first();
  }

  protected replace(view: FollowUpView, message: string): void {
    this.answered.update((a) => ({ ...a, [view.id]: view }));
    this.snackBar.open(
      this.translate.instant(message) as string,
      this.translate.instant('common.close') as string,
      { duration: 5000 },
    );
  }
}
