import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  FOLLOW_UP_QUESTIONS,
  type FollowUpQuestion,
  type FollowUpView,
  type ProblemDetails,
} from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { EvaluationApi } from '../api/evaluation.api';
import { LikertScaleComponent } from '../ui/likert-scale.component';
import { errorsByIndex } from '../ui/problem-paths';

let nextId = 0;

/**
 * The supervisor's confirmation of a follow-up: the four Likert questions (every one needed)
 * and a comment. Emits the follow-up once the API accepted it.
 */
@Component({
  selector: 'sb-follow-up-confirm-form',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    ProblemAlertComponent,
    LikertScaleComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (ngSubmit)="submit()" novalidate data-testid="confirm-form">
      <p class="sb-muted">{{ 'evaluation.team.questionsIntro' | translate }}</p>
      @for (q of questions; track q) {
        <div
          class="sbe-item"
          role="group"
          [attr.aria-labelledby]="uid + '-' + q"
          [attr.data-question]="q"
        >
          <p class="sbe-question" [id]="uid + '-' + q">
            {{ 'evaluation.question.' + q | translate: { name: followUp().alumnus.name } }}
            <span class="sbe-required" aria-hidden="true">*</span>
          </p>
          <sb-likert-scale
            [name]="uid + '-score-' + q"
            [labelledBy]="uid + '-' + q"
            [describedBy]="errors()[q] ? uid + '-err-' + q : null"
            [value]="scores()[q] ?? null"
            [required]="true"
            [invalid]="!!errors()[q]"
            [disabled]="busy()"
            (changed)="setScore(q, $event)"
          />
          @if (errors()[q]; as e) {
            <p class="sb-error-text" [id]="uid + '-err-' + q" data-testid="question-error">
              {{ e }}
            </p>
          }
        </div>
      }
      <mat-form-field class="sbe-wide">
        <mat-label>{{ 'evaluation.team.comment' | translate }}</mat-label>
        <textarea
          matInput
          rows="3"
          maxlength="2000"
          [value]="comment()"
          (input)="comment.set($any($event.target).value)"
        ></textarea>
      </mat-form-field>
      <sb-problem-alert [problem]="problem()" />
      <button mat-flat-button type="submit" [disabled]="busy()" data-testid="confirm-submit">
        {{ 'evaluation.team.confirm' | translate }}
      </button>
    </form>
  `,
  styles: `
    .sbe-item {
      padding: 8px 0;
    }
    .sbe-question {
      margin: 0 0 4px;
    }
    .sbe-required {
      color: var(--mat-sys-error);
      margin-inline-start: 4px;
    }
    .sbe-wide {
      width: 100%;
      margin-top: 8px;
    }
  `,
})
export class FollowUpConfirmFormComponent {
  private readonly api = inject(EvaluationApi);
  private readonly translate = inject(TranslateService);

  readonly followUp = input.required<FollowUpView>();
  readonly confirmed = output<FollowUpView>();

  protected readonly uid = `sbe-confirm-${nextId++}`;
  protected readonly questions = FOLLOW_UP_QUESTIONS;
  protected readonly scores = signal<Partial<Record<FollowUpQuestion, number>>>({});
  protected readonly comment = signal('');
  protected readonly errors = signal<Partial<Record<FollowUpQuestion, string>>>({});
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected setScore(question: FollowUpQuestion, score: number): void {
    this.scores.update((s) => ({ ...s, [question]: score }));
    this.errors.update(({ [question]: _, ...rest }) => rest);
  }

  protected submit(): void {
    const scores = this.scores();
    const required = this.translate.instant('evaluation.survey.itemRequired') as string;
    const missing = this.questions.filter((q) => scores[q] === undefined);
    this.errors.set(Object.fromEntries(missing.map((q) => [q, required])));
    if (missing.length) {
      return;
    }
    const answers = this.questions.map((question) => ({
      question,
      score: scores[question] as number,
    }));
    const comment = this.comment().trim();
    this.busy.set(true);
    this.problem.set(null);
    this.api.confirm(this.followUp().id, { answers, ...(comment ? { comment } : {}) }).subscribe({
      next: (view) => {
        this.busy.set(false);
        this.confirmed.emit(view);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        const { byIndex } = errorsByIndex(problem, 'answers');
        const perQuestion: Partial<Record<FollowUpQuestion, string>> = {};
        for (const [index, errors] of byIndex) {
          const q = answers[index]?.question;
          if (q) {
            perQuestion[q] = errors.map((e) => e.message).join(' ');
          }
        }
        this.errors.set(perQuestion);
        this.problem.set(problem);
      },
    });
  }
}
