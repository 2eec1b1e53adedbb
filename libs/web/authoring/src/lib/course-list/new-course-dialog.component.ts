import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  type AuthoringCourseResponse,
  COMPETENCY_TYPES,
  type CompetencyType,
  DELIVERY_MODES,
  type DeliveryMode,
  type ProblemDetails,
} from '@siantar/contracts';
import {
  ProblemAlertComponent,
  applyProblemToForm,
  controlErrorMessage,
  toProblem,
} from '@siantar/web-core';
import { AuthoringApi } from '../api/authoring.api';

/** "Kursus baru": code, title, competency type, delivery mode → POST /authoring/courses. */
@Component({
  selector: 'sb-new-course-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'authoring.create.title' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="sb-form">
        <mat-form-field>
          <mat-label>{{ 'authoring.course.code' | translate }}</mat-label>
          <input
            matInput
            formControlName="code"
            maxlength="30"
            autocapitalize="characters"
            required
            class="sb-mono"
          />
          <mat-hint>{{ 'authoring.create.codeHint' | translate }}</mat-hint>
          <mat-error>{{ errorOf('code') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'authoring.course.title' | translate }}</mat-label>
          <input matInput formControlName="title" maxlength="200" required />
          <mat-error>{{ errorOf('title') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'authoring.course.competencyType' | translate }}</mat-label>
          <mat-select formControlName="competencyType" required>
            @for (t of competencyTypes; track t) {
              <mat-option [value]="t">{{ 'authoring.competency.' + t | translate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'authoring.course.deliveryMode' | translate }}</mat-label>
          <mat-select formControlName="deliveryMode" required>
            @for (m of deliveryModes; track m) {
              <mat-option [value]="m">{{ 'authoring.delivery.' + m | translate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <sb-problem-alert [problem]="problem()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ 'authoring.create.submit' | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class NewCourseDialogComponent {
  private readonly ref = inject(MatDialogRef<NewCourseDialogComponent, AuthoringCourseResponse>);
  private readonly api = inject(AuthoringApi);
  private readonly translate = inject(TranslateService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly competencyTypes = COMPETENCY_TYPES;
  protected readonly deliveryModes = DELIVERY_MODES;
  protected readonly form = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(/^[A-Za-z0-9][A-Za-z0-9-]{2,29}$/)]],
    title: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
    competencyType: this.fb.control<CompetencyType>('teknis'),
    deliveryMode: this.fb.control<DeliveryMode>('self-paced'),
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected errorOf(name: 'code' | 'title'): string {
    const control = this.form.controls[name];
    if (control.hasError('pattern')) {
      return this.translate.instant('authoring.create.codePattern') as string;
    }
    return controlErrorMessage(control, this.translate);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .create({
        code: v.code.trim().toUpperCase(),
        title: v.title.trim(),
        competencyType: v.competencyType,
        deliveryMode: v.deliveryMode,
      })
      .subscribe({
        next: (course) => {
          this.busy.set(false);
          this.ref.close(course);
        },
        error: (error: unknown) => {
          const problem = toProblem(error);
          applyProblemToForm(this.form, problem);
          this.problem.set(problem);
          this.busy.set(false);
        },
      });
  }
}
