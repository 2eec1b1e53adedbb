import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { LiveSessionView, ProblemDetails } from '@siantar/contracts';
import {
  ProblemAlertComponent,
  applyProblemToForm,
  controlErrorMessage,
  toProblem,
} from '@siantar/web-core';
import type { Observable } from 'rxjs';
import { LiveApi } from '../api/live.api';
import {
  type SessionFormValue,
  createRequest,
  emptySessionForm,
  sessionToForm,
  updateRequest,
} from './session-form-model';

export interface SessionFormDialogData {
  /** The session to change; none: a new webinar. */
  session?: LiveSessionView;
}

type FieldName = keyof SessionFormValue;

/** Schedules a webinar or changes one; closes with the saved session. Times are WIB. */
@Component({
  selector: 'sb-session-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>
      {{ (data.session ? 'live.form.editTitle' : 'live.form.createTitle') | translate }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <sb-problem-alert [problem]="problem()" [showRequestId]="false" />
        <div class="sb-form-grid">
          <mat-form-field class="sb-form-wide">
            <mat-label>{{ 'live.form.title' | translate }}</mat-label>
            <input
              matInput
              formControlName="title"
              maxlength="200"
              required
              cdkFocusInitial
              data-testid="session-title"
            />
            <mat-error>{{ error('title') }}</mat-error>
          </mat-form-field>
          <mat-form-field class="sb-form-wide">
            <mat-label>{{ 'live.form.description' | translate }}</mat-label>
            <textarea matInput formControlName="description" rows="3" maxlength="5000"></textarea>
            <mat-error>{{ error('description') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'live.form.startsAt' | translate }}</mat-label>
            <input
              matInput
              type="datetime-local"
              formControlName="startsAt"
              required
              data-testid="session-starts"
            />
            <span matTextSuffix>WIB</span>
            <mat-error>{{ error('startsAt') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'live.form.endsAt' | translate }}</mat-label>
            <input
              matInput
              type="datetime-local"
              formControlName="endsAt"
              required
              data-testid="session-ends"
            />
            <span matTextSuffix>WIB</span>
            <mat-error>{{ error('endsAt') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'live.form.capacity' | translate }}</mat-label>
            <input matInput type="number" formControlName="capacity" min="1" max="10000" />
            <mat-hint>{{ 'live.form.capacityHint' | translate }}</mat-hint>
            <mat-error>{{ error('capacity') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'live.form.jp' | translate }}</mat-label>
            <input
              matInput
              type="number"
              formControlName="jp"
              min="0"
              max="100"
              step="0.5"
              required
            />
            <mat-error>{{ error('jp') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'live.form.minAttendance' | translate }}</mat-label>
            <input
              matInput
              type="number"
              formControlName="attendanceRule"
              min="10"
              max="100"
              required
            />
            <span matTextSuffix>%</span>
            <mat-hint>{{ 'live.form.minAttendanceHint' | translate }}</mat-hint>
            <mat-error>{{ error('attendanceRule') }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="session-save">
          {{ (data.session ? 'common.save' : 'live.form.create') | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class SessionFormDialogComponent {
  protected readonly data = inject<SessionFormDialogData>(MAT_DIALOG_DATA);
  private readonly ref =
    inject<MatDialogRef<SessionFormDialogComponent, LiveSessionView>>(MatDialogRef);
  private readonly api = inject(LiveApi);
  private readonly translate = inject(TranslateService);
  private readonly initial: SessionFormValue = this.data.session
    ? sessionToForm(this.data.session)
    : emptySessionForm();

  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [
      this.initial.title,
      [Validators.required, Validators.minLength(3), Validators.maxLength(200)],
    ],
    description: [this.initial.description, [Validators.maxLength(5000)]],
    startsAt: [this.initial.startsAt, [Validators.required]],
    endsAt: [this.initial.endsAt, [Validators.required]],
    capacity: new FormControl<number | null>(this.initial.capacity, [
      Validators.min(1),
      Validators.max(10000),
    ]),
    jp: [this.initial.jp, [Validators.required, Validators.min(0), Validators.max(100)]],
    attendanceRule: [
      this.initial.attendanceRule,
      [Validators.required, Validators.min(10), Validators.max(100)],
    ],
  });

  protected error(field: FieldName): string {
    return controlErrorMessage(this.form.controls[field], this.translate);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const session = this.data.session;
    const request: Observable<LiveSessionView> = session
      ? this.api.update(session.id, updateRequest(this.initial, value))
      : this.api.create(createRequest(value));
    this.busy.set(true);
    this.problem.set(null);
    request.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.ref.close(saved);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        applyProblemToForm(this.form, problem);
        this.problem.set(problem);
      },
    });
  }
}
