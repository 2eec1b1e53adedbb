import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { AttemptQuestionView, QuestionResponse } from '@siantar/contracts';
import type { SaveState } from './answer-queue.service';
import { ChoiceQuestionComponent } from './questions/choice-question.component';
import { ClozeQuestionComponent } from './questions/cloze-question.component';
import { EssayQuestionComponent } from './questions/essay-question.component';
import { MatchingQuestionComponent } from './questions/matching-question.component';
import { MultipleResponseQuestionComponent } from './questions/multiple-response-question.component';
import { OrderingQuestionComponent } from './questions/ordering-question.component';
import { TextQuestionComponent } from './questions/text-question.component';
import { registerQuizIcons } from './quiz-icons';
import { SaveStateComponent } from './save-state.component';

const TRUE_FALSE = [
  { id: 'true', text: 'quiz.trueFalse.true' },
  { id: 'false', text: 'quiz.trueFalse.false' },
] as const;

/**
 * One question of an attempt: its number, mark, the server-sanitised text, the input for its
 * type, the save state and, once graded, its review. Emits every change as a `QuestionResponse`.
 */
@Component({
  selector: 'sb-quiz-question',
  imports: [
    DecimalPipe,
    MatIconModule,
    TranslatePipe,
    SaveStateComponent,
    ChoiceQuestionComponent,
    MultipleResponseQuestionComponent,
    TextQuestionComponent,
    MatchingQuestionComponent,
    OrderingQuestionComponent,
    ClozeQuestionComponent,
    EssayQuestionComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let q = question();
    @let body = q.body;
    @let a = answerParts();
    <section
      class="sb-question"
      [attr.aria-labelledby]="ids().heading"
      [attr.data-testid]="'question-' + q.slot"
      [attr.data-type]="q.type"
    >
      <header class="sb-q-head">
        <h2 class="sb-q-title" [id]="ids().heading" tabindex="-1">
          @if (body.type === 'description') {
            {{ 'quiz.question.information' | translate }}
          } @else {
            {{ 'quiz.question.number' | translate: { n: number() } }}
          }
        </h2>
        @if (q.maxMark > 0) {
          <span class="sb-q-mark">{{
            'quiz.question.marks' | translate: { n: (q.maxMark | number: '1.0-2') }
          }}</span>
        }
        <span class="sb-spacer"></span>
        @if (body.type !== 'description' && !review()) {
          <sb-quiz-save-state [state]="saveState()" [slot]="q.slot" />
        }
      </header>
      <div class="sb-q-text" [id]="ids().text" [innerHTML]="q.html"></div>

      @switch (body.type) {
        @case ('single-choice') {
          <sb-choice-question
            [choices]="body.choices"
            [selected]="a.choiceId"
            [disabled]="disabled()"
            [labelledBy]="ids().text"
            (selectedChange)="emit({ type: 'single-choice', choiceId: $event })"
          />
        }
        @case ('multiple-response') {
          <sb-multiple-response-question
            [choices]="body.choices"
            [selected]="a.choiceIds"
            [disabled]="disabled()"
            [labelledBy]="ids().text"
            (selectedChange)="emit({ type: 'multiple-response', choiceIds: $event })"
          />
        }
        @case ('true-false') {
          <sb-choice-question
            [choices]="trueFalse"
            [translateTexts]="true"
            [selected]="a.trueFalse"
            [disabled]="disabled()"
            [labelledBy]="ids().text"
            (selectedChange)="emit({ type: 'true-false', value: $event === 'true' })"
          />
        }
        @case ('short-answer') {
          <sb-text-question
            [text]="a.text"
            [disabled]="disabled()"
            (textChange)="emit({ type: 'short-answer', text: $event })"
          />
        }
        @case ('numerical') {
          <sb-text-question
            [numeric]="true"
            [text]="a.text"
            [disabled]="disabled()"
            (textChange)="emit({ type: 'numerical', text: $event })"
          />
        }
        @case ('matching') {
          <sb-matching-question
            [prompts]="body.prompts"
            [options]="body.options"
            [matches]="a.matches"
            [disabled]="disabled()"
            [labelledBy]="ids().text"
            [idBase]="ids().base"
            (matchesChange)="emit({ type: 'matching', matches: $event })"
          />
        }
        @case ('ordering') {
          <sb-ordering-question
            [items]="body.items"
            [order]="a.order"
            [disabled]="disabled()"
            [labelledBy]="ids().text"
            (orderChange)="emit({ type: 'ordering', order: $event })"
          />
        }
        @case ('cloze') {
          <sb-cloze-question
            [text]="body.text"
            [gaps]="body.gaps"
            [values]="a.gaps"
            [disabled]="disabled()"
            [labelledBy]="ids().text"
            (valuesChange)="emit({ type: 'cloze', gaps: $event })"
          />
        }
        @case ('essay') {
          <sb-essay-question
            [text]="a.text"
            [minWords]="body.minWords"
            [rubric]="body.rubric"
            [disabled]="disabled()"
            (textChange)="emit({ type: 'essay', text: $event })"
          />
        }
      }

      @if (q.review; as rv) {
        <div class="sb-review" data-testid="question-review">
          <p class="sb-review-mark">
            @if (rv.mark !== null) {
              <mat-icon
                [svgIcon]="
                  rv.fraction !== null && rv.fraction >= 0.999
                    ? 'sbq-passed'
                    : rv.fraction
                      ? 'sbq-check'
                      : 'sbq-failed'
                "
                aria-hidden="true"
              />
              {{
                'quiz.review.mark'
                  | translate
                    : { mark: (rv.mark | number: '1.0-2'), max: (q.maxMark | number: '1.0-2') }
              }}
            } @else if (q.type === 'essay') {
              <mat-icon svgIcon="sbq-hourglass" aria-hidden="true" />
              {{ 'quiz.review.awaitingMark' | translate }}
            }
          </p>
          @for (f of rv.feedback; track $index) {
            <p class="sb-feedback">{{ f }}</p>
          }
          @if (rv.rightAnswer) {
            <p>
              <strong>{{ 'quiz.review.rightAnswer' | translate }}</strong> {{ rv.rightAnswer }}
            </p>
          }
          @if (rv.generalFeedback) {
            <p class="sb-feedback">{{ rv.generalFeedback }}</p>
          }
          @if (rv.comment) {
            <p>
              <strong>{{ 'quiz.review.comment' | translate }}</strong> {{ rv.comment }}
            </p>
          }
        </div>
      }
    </section>
  `,
  styles: `
    .sb-question {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .sb-q-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .sb-q-title {
      font: var(--mat-sys-title-large);
      margin: 0;
    }
    .sb-q-mark {
      color: var(--mat-sys-on-surface-variant);
    }
    .sb-spacer {
      flex: 1;
    }
    .sb-q-text {
      font: var(--mat-sys-body-large);
      line-height: 1.6;
      overflow-wrap: anywhere;
      :is(img, video, iframe, table) {
        max-width: 100%;
      }
    }
    .sb-review {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      p {
        margin: 4px 0;
      }
    }
    .sb-review-mark {
      display: flex;
      align-items: center;
      gap: 6px;
      font-weight: 600;
    }
    .sb-feedback {
      white-space: pre-line;
    }
  `,
})
export class QuizQuestionComponent {
  readonly question = input.required<AttemptQuestionView>();
  /** The number shown ("Soal 3"); descriptions are not counted. */
  readonly number = input.required<number>();
  readonly response = input<QuestionResponse | null>(null);
  readonly saveState = input<SaveState>('idle');
  readonly disabled = input(false);
  /** Shown after submitting: no save state. */
  readonly review = input(false);
  readonly answer = output<QuestionResponse>();

  protected readonly trueFalse = TRUE_FALSE;
  /** The response taken apart for the inputs of each type. */
  protected readonly answerParts = computed(() => {
    const r = this.response();
    return {
      choiceId: r?.type === 'single-choice' ? r.choiceId : null,
      choiceIds: r?.type === 'multiple-response' ? r.choiceIds : [],
      trueFalse: r?.type === 'true-false' && r.value !== null ? String(r.value) : null,
      text:
        r?.type === 'short-answer' || r?.type === 'numerical' || r?.type === 'essay' ? r.text : '',
      matches: r?.type === 'matching' ? r.matches : {},
      order: r?.type === 'ordering' ? r.order : null,
      gaps: r?.type === 'cloze' ? r.gaps : {},
    };
  });
  protected readonly ids = computed(() => {
    const base = `sbq-${this.question().slot}`;
    return { base, heading: `${base}-h`, text: `${base}-t` };
  });

  constructor() {
    registerQuizIcons();
  }

  protected emit(response: QuestionResponse): void {
    if (!this.disabled()) {
      this.answer.emit(response);
    }
  }
}
