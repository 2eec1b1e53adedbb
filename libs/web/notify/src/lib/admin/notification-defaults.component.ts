import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { NotificationDefaultsView, NotifyCategory, ProblemDetails } from '@siantar/contracts';
import { LanguageService, ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { NotifyAdminApi } from '../api/notify-admin.api';
import { switchLocks } from '../shared/category-rows';
import { wibTime } from '../ui/relative-time';
import {
  type DefaultRow,
  type DefaultsErrors,
  type Switch,
  defaultsErrors,
  defaultsToRows,
  lastChange,
  rowsToRequest,
  setSwitch,
} from './defaults-model';

const NO_ERRORS: DefaultsErrors = { categories: {}, other: [] };

/** The three switches in column order, with their header label. */
const SWITCHES: readonly { name: Switch; label: string }[] = [
  { name: 'email', label: 'notify.prefs.email' },
  { name: 'inApp', label: 'notify.prefs.inApp' },
  { name: 'digest', label: 'notify.prefs.digest' },
];

/**
 * Admin › Notifikasi (`/admin/notifikasi`): what a user who never chose gets, per category.
 * City-wide admins only (the api refuses others, and the page shows why). A table on wide
 * screens, one card per category on phones.
 */
@Component({
  selector: 'sb-notification-defaults',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSlideToggleModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="sb-page-title">{{ 'notify.admin.defaults.title' | translate }}</h1>
    <p class="sb-lead">{{ 'notify.admin.defaults.lead' | translate }}</p>
    <p>
      <a routerLink="/admin/notifikasi/log">{{ 'notify.admin.defaults.toLog' | translate }}</a>
    </p>

    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (loadProblem(); as problem) {
      <sb-problem-alert [problem]="problem" />
      @if (problem.status !== 403) {
        <button mat-stroked-button type="button" (click)="load()" data-testid="defaults-retry">
          {{ 'notify.bell.retry' | translate }}
        </button>
      }
    }

    @if (rows().length > 0) {
      <p class="sb-muted" data-testid="defaults-last-change">
        @if (changed(); as c) {
          @if (c.by) {
            {{ 'notify.admin.defaults.lastChange' | translate: { by: c.by, at: c.at } }}
          } @else {
            {{ 'notify.admin.defaults.lastChangeNoName' | translate: { at: c.at } }}
          }
        } @else {
          {{ 'notify.admin.defaults.neverChanged' | translate }}
        }
      </p>

      <form (ngSubmit)="save()" novalidate class="sb-notify-defaults">
        <table class="sb-notify-defaults-table">
          <caption class="cdk-visually-hidden">
            {{
              'notify.admin.defaults.tableLabel' | translate
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'notify.admin.defaults.category' | translate }}</th>
              @for (s of switches; track s.name) {
                <th scope="col">{{ s.label | translate }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.category) {
              @let name = 'notify.category.' + row.category + '.name' | translate;
              <tr
                data-testid="defaults-row"
                [attr.data-category]="row.category"
                [class.sb-row-error]="rowErrors(row).length > 0"
              >
                <th scope="row">
                  <span class="sb-notify-category-name" [id]="'defaults-' + row.category">{{
                    name
                  }}</span>
                  <span class="sb-muted sb-notify-hint">
                    {{ 'notify.category.' + row.category + '.hint' | translate }}
                  </span>
                  @if (row.mandatory) {
                    <span
                      class="sb-chip"
                      data-testid="defaults-mandatory"
                      [id]="'defaults-' + row.category + '-mandatory'"
                      >{{ 'notify.admin.defaults.mandatory' | translate }}</span
                    >
                  }
                  <span
                    class="sb-notify-row-errors"
                    aria-live="polite"
                    [id]="'defaults-' + row.category + '-errors'"
                  >
                    @for (message of rowErrors(row); track $index) {
                      <span class="sb-error-text" data-testid="defaults-row-error">{{
                        message
                      }}</span>
                    }
                  </span>
                </th>
                @for (s of switches; track s.name) {
                  <td>
                    <mat-slide-toggle
                      [checked]="row[s.name]"
                      [disabled]="saving() || locks(row)[s.name]"
                      (change)="flip(row.category, s.name, $event.checked)"
                      [aria-label]="
                        'notify.admin.defaults.switchLabel'
                          | translate: { channel: (s.label | translate), category: name }
                      "
                      [aria-describedby]="describedBy(row)"
                      [attr.data-switch]="s.name"
                    >
                      <span class="sb-notify-switch-label" aria-hidden="true">{{
                        s.label | translate
                      }}</span>
                    </mat-slide-toggle>
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>

        <sb-problem-alert [problem]="saveProblem()" [showRequestId]="false" />
        <div class="sb-notify-actions">
          <button mat-flat-button type="submit" [disabled]="saving()" data-testid="defaults-save">
            {{ 'notify.admin.defaults.save' | translate }}
          </button>
          @if (saving()) {
            <mat-progress-spinner
              mode="indeterminate"
              diameter="24"
              [attr.aria-label]="'notify.admin.defaults.saving' | translate"
            />
          }
        </div>
      </form>
    }
  `,
  styles: `
    .sb-notify-defaults {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .sb-notify-defaults-table {
      width: 100%;
      border-collapse: collapse;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      th,
      td {
        padding: 12px 16px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        text-align: start;
        vertical-align: middle;
      }
      thead th {
        font: var(--mat-sys-title-small);
        color: var(--mat-sys-on-surface-variant);
        white-space: nowrap;
      }
      tbody tr:last-child > * {
        border-bottom: none;
      }
      tbody th {
        font-weight: normal;
      }
    }
    .sb-notify-category-name {
      display: block;
      font: var(--mat-sys-title-small);
    }
    .sb-notify-hint {
      display: block;
    }
    .sb-notify-row-errors {
      display: flex;
      flex-direction: column;
    }
    .sb-chip {
      margin-top: 4px;
    }
    .sb-notify-switch-label {
      display: none;
    }
    .sb-notify-actions {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    /* Phones: one card per category, each switch with its own label. */
    @media (max-width: 719.98px) {
      .sb-notify-defaults-table {
        border: none;
        background: none;
        thead {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0, 0, 0, 0);
        }
        tbody {
          display: flex;
          flex-direction: column;
          gap: 12px;
        }
        tbody tr {
          display: flex;
          flex-direction: column;
          gap: 8px;
          padding: 12px 16px;
          border: 1px solid var(--mat-sys-outline-variant);
          border-radius: 12px;
          background: var(--mat-sys-surface);
        }
        tbody tr > * {
          padding: 0;
          border: none;
        }
      }
      .sb-notify-switch-label {
        display: inline;
      }
    }
  `,
})
export class NotificationDefaultsComponent {
  private readonly api = inject(NotifyAdminApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly switches = SWITCHES;
  protected readonly locks = switchLocks;

  /** What the server has: the request sends only what differs from it. */
  private readonly saved = signal<DefaultRow[]>([]);
  protected readonly rows = signal<DefaultRow[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<ProblemDetails | null>(null);
  private readonly serverErrors = signal<DefaultsErrors>(NO_ERRORS);

  protected readonly changed = computed(() => {
    const last = lastChange(this.saved());
    return last ? { by: last.by, at: wibTime(last.at, this.language.current(), 'long') } : null;
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadProblem.set(null);
    this.api
      .defaults()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.loading.set(false);
          this.show(view);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.loadProblem.set(toProblem(error));
        },
      });
  }

  /** What the api said about this row's last save. */
  protected rowErrors(row: DefaultRow): string[] {
    return this.serverErrors().categories[row.category] ?? [];
  }

  /** The row's errors, and for a mandatory row why its switches do not move. */
  protected describedBy(row: DefaultRow): string {
    const errors = `defaults-${row.category}-errors`;
    return row.mandatory ? `${errors} defaults-${row.category}-mandatory` : errors;
  }

  protected flip(category: NotifyCategory, name: Switch, on: boolean): void {
    this.rows.update((rows) => setSwitch(rows, category, name, on));
    // An api message about this row no longer applies once it changes.
    const errors = this.serverErrors();
    if (errors.categories[category]) {
      const categories = { ...errors.categories };
      delete categories[category];
      this.serverErrors.set({ ...errors, categories });
    }
  }

  protected save(): void {
    if (this.saving()) {
      return;
    }
    this.saveProblem.set(null);
    const request = rowsToRequest(this.saved(), this.rows());
    if (request.categories.length === 0) {
      this.snack('notify.admin.defaults.noChanges');
      return;
    }
    this.serverErrors.set(NO_ERRORS);
    this.saving.set(true);
    this.api
      .saveDefaults(request)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.saving.set(false);
          this.show(view);
          this.snack('notify.admin.defaults.saved');
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = toProblem(error);
          const errors = defaultsErrors(problem, request);
          this.serverErrors.set(errors);
          const onRows = Object.keys(errors.categories).length > 0;
          this.saveProblem.set(
            onRows && errors.other.length === 0 ? this.summary(problem) : problem,
          );
        },
      });
  }

  /** Points at the marked rows instead of repeating their messages. */
  private summary(problem: ProblemDetails): ProblemDetails {
    return {
      ...problem,
      errors: undefined,
      detail: this.translate.instant('notify.admin.defaults.fixErrors') as string,
    };
  }

  private show(view: NotificationDefaultsView): void {
    const rows = defaultsToRows(view);
    this.saved.set(rows);
    this.rows.set(rows);
    this.serverErrors.set(NO_ERRORS);
  }

  private snack(key: string): void {
    this.snackBar.open(
      this.translate.instant(key) as string,
      this.translate.instant('common.close') as string,
      { duration: 5000, politeness: 'polite' },
    );
  }
}
