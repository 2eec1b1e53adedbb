import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslatePipe } from '@ngx-translate/core';
import type { CompletionChecklist, ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, applyProblemToForm, toProblem } from '@siantar/web-core';
import { LearningApi } from '../api/learning.api';

/** The four rated questions of the course feedback survey, in order. */
export const SURVEY_QUESTIONS = ['content', 'trainer', 'method', 'relevance'] as const;

/** The course feedback survey (4 ratings of 1–5 and a comment), when completion asks for it. */
@Component({
  selector: 'sb-feedback-survey',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="feedback-survey">
      <h3>{{ 'progress.survey.title' | translate }}</h3>
      <p class="sb-muted">{{ 'progress.survey.intro' | translate }}</p>
      <div formGroupName="ratings">
        @for (q of questions; track q) {
          <fieldset>
            <legend [id]="'sb-survey-' + q">{{ 'progress.survey.' + q | translate }}</legend>
            <mat-radio-group
              [formControlName]="q"
              [attr.aria-labelledby]="'sb-survey-' + q"
              [attr.aria-invalid]="missing() && !form.controls.ratings.controls[q].value"
            >
              @for (n of scale; track n) {
                <mat-radio-button
                  [value]="n"
                  [attr.aria-label]="'progress.completion.scale' | translate: { n: n }"
                  >{{ n }}</mat-radio-button
                >
              }
            </mat-radio-group>
          </fieldset>
        }
      </div>
      @if (missing()) {
        <p class="sb-error-text" role="alert">{{ 'progress.survey.required' | translate }}</p>
      }
      <mat-form-field class="comment">
        <mat-label>{{ 'progress.survey.comment' | translate }}</mat-label>
        <textarea matInput formControlName="comment" rows="3" maxlength="2000"></textarea>
        <mat-error>{{ form.controls.comment.errors?.['server'] ?? '' }}</mat-error>
      </mat-form-field>
      <sb-problem-alert [problem]="problem()" />
      <button mat-flat-button type="submit" [disabled]="busy()" data-testid="survey-submit">
        {{ 'progress.survey.submit' | translate }}
      </button>
    </form>
  `,
  styles: `
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    fieldset {
      border: 0;
      margin: 0 0 8px;
      padding: 0;
    }
    legend {
      font: var(--mat-sys-body-large);
      padding: 0;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .comment {
      width: 100%;
      margin-top: 8px;
    }
  `,
})
export class FeedbackSurveyComponent {
  private readonly api = inject(LearningApi);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly enrolmentId = input.required<string>();
  readonly sent = output<CompletionChecklist>();

  protected readonly questions = SURVEY_QUESTIONS;
  protected readonly scale = [1, 2, 3, 4, 5] as const;
  protected readonly form = this.fb.group({
    ratings: this.fb.group({
      content: this.fb.control<number | null>(null, Validators.required),
      trainer: this.fb.control<number | null>(null, Validators.required),
      method: this.fb.control<number | null>(null, Validators.required),
      relevance: this.fb.control<number | null>(null, Validators.required),
    }),
    comment: ['', Validators.maxLength(2000)],
  });
  protected readonly missing = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected submit(): void {
    this.missing.set(this.form.controls.ratings.invalid);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const comment = v.comment.trim();
    const body = {
      ratings: {
        content: Number(v.ratings.content),
        trainer: Number(v.ratings.trainer),
        method: Number(v.ratings.method),
        relevance: Number(v.ratings.relevance),
      },
      ...(comment ? { comment } : {}),
    };
    this.busy.set(true);
    this.problem.set(null);
    this.api.feedback(this.enrolmentId(), body).subscribe({
      next: (checklist) => {
        this.busy.set(false);
        this.sent.emit(checklist);
      },
      error: (error: unknown) => {
        const problem = toProblem(error);
        // Field-level messages go next to their field (`ratings.content` → the ratings group).
        applyProblemToForm(this.form, problem);
        this.problem.set(problem);
        this.busy.set(false);
      },
    });
  }
}
