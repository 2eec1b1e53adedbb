import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type FormControl,
  type FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type {
  NotificationPreferencesView,
  NotifyCategory,
  ProblemDetails,
  UpdateNotificationPreferencesRequest,
} from '@siantar/contracts';
import {
  ProblemAlertComponent,
  SERVER_ERROR,
  controlErrorMessage,
  toProblem,
} from '@siantar/web-core';
import { NotifyApi } from '../api/notify.api';
import {
  type CategoryRowValue,
  type PreferencesErrors,
  type PreferencesFormValue,
  errorsByField,
  formToRequest,
  hasFieldErrors,
  quietHoursProblem,
  rowLocks,
  viewToForm,
} from './preferences-form-model';

type RowForm = FormGroup<{
  category: FormControl<NotifyCategory>;
  email: FormControl<boolean>;
  inApp: FormControl<boolean>;
  digest: FormControl<boolean>;
  mandatory: FormControl<boolean>;
}>;

const NO_ERRORS: PreferencesErrors = {
  categories: {},
  quietStart: [],
  quietEnd: [],
  quietHours: [],
  other: [],
};

/** `/profil/notifikasi`: per category email / in app / daily digest, and quiet hours. */
@Component({
  selector: 'sb-notification-preferences',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSlideToggleModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="sb-notify-back">
      <a routerLink="/profil">{{ 'notify.prefs.back' | translate }}</a>
    </p>
    <h1 class="sb-page-title">{{ 'notify.prefs.title' | translate }}</h1>
    <p class="sb-lead">{{ 'notify.prefs.intro' | translate }}</p>

    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (loadProblem(); as problem) {
      <sb-problem-alert [problem]="problem" />
      <button mat-stroked-button type="button" (click)="load()">
        {{ 'notify.bell.retry' | translate }}
      </button>
    }

    @if (ready()) {
      <form [formGroup]="form" (ngSubmit)="save()" novalidate class="sb-notify-prefs">
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title>
              <h2>{{ 'notify.prefs.categoriesTitle' | translate }}</h2>
            </mat-card-title>
          </mat-card-header>
          <mat-card-content>
            <div class="sb-notify-categories" formArrayName="categories">
              @for (row of form.controls.categories.controls; track row; let i = $index) {
                @let category = row.controls.category.value;
                <div
                  [formGroupName]="i"
                  role="group"
                  class="sb-notify-category"
                  data-testid="notify-category"
                  [attr.data-category]="category"
                  [attr.aria-labelledby]="'notify-cat-' + category"
                  [attr.aria-describedby]="'notify-cat-' + category + '-hint'"
                >
                  <div class="sb-notify-category-text">
                    <span class="sb-notify-category-name" [id]="'notify-cat-' + category">{{
                      'notify.category.' + category + '.name' | translate
                    }}</span>
                    <span class="sb-muted" [id]="'notify-cat-' + category + '-hint'">
                      {{ 'notify.category.' + category + '.hint' | translate }}
                      @if (row.controls.mandatory.value) {
                        <span class="sb-chip" data-testid="notify-mandatory">{{
                          'notify.prefs.mandatory' | translate
                        }}</span>
                      }
                    </span>
                  </div>
                  <div class="sb-notify-toggles">
                    <mat-slide-toggle formControlName="email">{{
                      'notify.prefs.email' | translate
                    }}</mat-slide-toggle>
                    <mat-slide-toggle formControlName="inApp">{{
                      'notify.prefs.inApp' | translate
                    }}</mat-slide-toggle>
                    <mat-slide-toggle formControlName="digest">{{
                      'notify.prefs.digest' | translate
                    }}</mat-slide-toggle>
                  </div>
                  @for (message of errors().categories[category] ?? []; track $index) {
                    <p
                      class="sb-error-text sb-notify-row-error"
                      data-testid="notify-category-error"
                    >
                      {{ message }}
                    </p>
                  }
                </div>
              }
            </div>
          </mat-card-content>
        </mat-card>

        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title>
              <h2>{{ 'notify.prefs.quietTitle' | translate }}</h2>
            </mat-card-title>
          </mat-card-header>
          <mat-card-content>
            <mat-slide-toggle formControlName="quietEnabled" aria-describedby="notify-quiet-hint">{{
              'notify.prefs.quiet' | translate
            }}</mat-slide-toggle>
            <div class="sb-notify-times">
              <mat-form-field>
                <mat-label>{{ 'notify.prefs.quietStart' | translate }}</mat-label>
                <input
                  matInput
                  type="time"
                  formControlName="quietStart"
                  aria-describedby="notify-quiet-hint"
                  required
                />
                <mat-error>{{ timeError('quietStart') }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'notify.prefs.quietEnd' | translate }}</mat-label>
                <input
                  matInput
                  type="time"
                  formControlName="quietEnd"
                  aria-describedby="notify-quiet-hint"
                  required
                />
                <mat-error>{{ timeError('quietEnd') }}</mat-error>
              </mat-form-field>
            </div>
            <p id="notify-quiet-hint" class="sb-muted">
              {{ 'notify.prefs.quietHint' | translate }}
            </p>
          </mat-card-content>
        </mat-card>

        <sb-problem-alert [problem]="saveProblem()" [showRequestId]="false" />
        <div class="sb-notify-actions">
          <button mat-flat-button type="submit" [disabled]="saving()" data-testid="notify-save">
            {{ 'notify.prefs.save' | translate }}
          </button>
          @if (saving()) {
            <mat-progress-spinner
              mode="indeterminate"
              diameter="24"
              [attr.aria-label]="'notify.prefs.saving' | translate"
            />
          }
        </div>
      </form>
    }
  `,
  styles: `
    .sb-notify-back {
      margin: 0 0 8px;
    }
    .sb-notify-prefs {
      display: flex;
      flex-direction: column;
      gap: 16px;
      h2 {
        font: var(--mat-sys-title-large);
        margin: 0;
      }
    }
    .sb-notify-category {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 8px 24px;
      align-items: center;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      &:last-child {
        border-bottom: none;
      }
    }
    .sb-notify-category-text {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .sb-notify-category-name {
      font: var(--mat-sys-title-small);
    }
    .sb-notify-category .sb-chip {
      margin-inline-start: 4px;
    }
    .sb-notify-toggles {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 20px;
    }
    .sb-notify-row-error {
      grid-column: 1 / -1;
      margin: 0;
    }
    .sb-notify-times {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      margin-top: 16px;
      mat-form-field {
        width: 160px;
      }
    }
    .sb-notify-actions {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    @media (max-width: 719.98px) {
      .sb-notify-category {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
})
export class NotificationPreferencesComponent {
  private readonly api = inject(NotifyApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly form = this.fb.group({
    categories: this.fb.array<RowForm>([]),
    quietEnabled: this.fb.control(false),
    quietStart: this.fb.control(''),
    quietEnd: this.fb.control(''),
  });

  protected readonly loading = signal(false);
  protected readonly ready = signal(false);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<ProblemDetails | null>(null);
  protected readonly errors = signal<PreferencesErrors>(NO_ERRORS);

  /** What the server has: the request sends only what differs from it. */
  private saved: PreferencesFormValue | null = null;

  constructor() {
    this.form.controls.quietEnabled.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((on) => this.lockQuietHours(on));
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.loadProblem.set(null);
    this.api
      .preferences()
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

  protected timeError(name: 'quietStart' | 'quietEnd'): string {
    return controlErrorMessage(this.form.controls[name], this.translate);
  }

  protected save(): void {
    if (!this.saved || this.saving()) {
      return;
    }
    const value = this.value();
    this.errors.set(NO_ERRORS);
    this.saveProblem.set(null);
    const local = quietHoursProblem(value);
    if (local) {
      const message = this.translate.instant(
        local === 'same' ? 'notify.prefs.sameTime' : 'validation.required',
      ) as string;
      this.markQuietHours({ ...NO_ERRORS, quietHours: [message] });
      return;
    }
    const request = formToRequest(this.saved, value);
    this.saving.set(true);
    this.api
      .savePreferences(request)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.saving.set(false);
          this.show(view);
          this.snackBar.open(
            this.translate.instant('notify.prefs.saved') as string,
            this.translate.instant('common.close') as string,
            { duration: 5000, politeness: 'polite' },
          );
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.showProblem(toProblem(error), request);
        },
      });
  }

  private showProblem(
    problem: ProblemDetails,
    request: UpdateNotificationPreferencesRequest,
  ): void {
    const errors = errorsByField(problem, request);
    this.errors.set(errors);
    this.markQuietHours(errors);
    // Next to the controls when they can be; the summary on top says to look there.
    if (hasFieldErrors(errors) && errors.other.length === 0) {
      this.saveProblem.set({
        ...problem,
        detail: this.translate.instant('notify.prefs.fixErrors') as string,
      });
    } else {
      this.saveProblem.set(problem);
    }
  }

  /** Quiet-hours errors on their time inputs (a whole-window one on both, said once). */
  private markQuietHours(errors: PreferencesErrors): void {
    const { quietStart, quietEnd } = this.form.controls;
    const start = [...errors.quietStart];
    const end = [...errors.quietEnd, ...errors.quietHours];
    if (errors.quietHours.length > 0 && start.length === 0) {
      start.push('');
    }
    for (const [control, messages] of [
      [quietStart, start],
      [quietEnd, end],
    ] as const) {
      if (messages.length > 0) {
        control.setErrors({ ...(control.errors ?? {}), [SERVER_ERROR]: messages.join(' ') });
        control.markAsTouched();
      }
    }
  }

  private show(view: NotificationPreferencesView): void {
    const value = viewToForm(view);
    this.saved = value;
    const rows = this.form.controls.categories;
    const sameRows =
      rows.length === value.categories.length &&
      value.categories.every((c, i) => rows.at(i).controls.category.value === c.category);
    if (sameRows) {
      // After a save: the same rows with the server's values, nothing re-created.
      value.categories.forEach((c, i) => {
        const group = rows.at(i);
        group.patchValue(c, { emitEvent: false });
        this.applyLocks(group);
      });
    } else {
      rows.clear({ emitEvent: false });
      for (const row of value.categories) {
        rows.push(this.rowForm(row), { emitEvent: false });
      }
    }
    this.form.patchValue(
      { quietEnabled: value.quietEnabled, quietStart: value.quietStart, quietEnd: value.quietEnd },
      { emitEvent: false },
    );
    this.lockQuietHours(value.quietEnabled);
    this.form.markAsPristine();
    this.ready.set(true);
  }

  private rowForm(row: CategoryRowValue): RowForm {
    const group: RowForm = this.fb.group({
      category: this.fb.control(row.category),
      email: this.fb.control(row.email),
      inApp: this.fb.control(row.inApp),
      digest: this.fb.control(row.digest),
      mandatory: this.fb.control(row.mandatory),
    });
    this.applyLocks(group);
    group.controls.email.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((on) => {
      // The digest bundles emails: without email there is nothing to bundle.
      if (!on) {
        group.controls.digest.setValue(false, { emitEvent: false });
      }
      this.applyLocks(group);
    });
    return group;
  }

  private applyLocks(group: RowForm): void {
    const value = group.getRawValue();
    const locks = rowLocks(value);
    for (const name of ['email', 'inApp', 'digest'] as const) {
      const control = group.controls[name];
      if (locks[name] && control.enabled) {
        control.disable({ emitEvent: false });
      } else if (!locks[name] && control.disabled) {
        control.enable({ emitEvent: false });
      }
    }
  }

  private lockQuietHours(on: boolean): void {
    for (const control of [this.form.controls.quietStart, this.form.controls.quietEnd]) {
      if (on) {
        control.enable({ emitEvent: false });
      } else {
        control.disable({ emitEvent: false });
      }
    }
  }

  private value(): PreferencesFormValue {
    const raw = this.form.getRawValue();
    return {
      categories: raw.categories,
      quietEnabled: raw.quietEnabled,
      quietStart: raw.quietStart,
      quietEnd: raw.quietEnd,
    };
  }
}
