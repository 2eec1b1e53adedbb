import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type {
  ProblemDetails,
  SurveyAnswerInput,
  SurveyDimension,
  SurveyForm,
  SurveyItemView,
} from '@siantar/contracts';
import { ProblemAlertComponent, sendRequest, toProblem } from '@siantar/web-core';
import { EvaluationApi, type SurveyTarget } from '../api/evaluation.api';
import { LikertScaleComponent } from '../ui/likert-scale.component';
import { errorsByIndex } from '../ui/problem-paths';

interface DimensionGroup {
  dimension: SurveyDimension;
  items: SurveyItemView[];
}

/** Likert items grouped by dimension (in the order the dimensions first appear), then the open questions. */
export function groupSurveyItems(items: readonly SurveyItemView[]): {
  groups: DimensionGroup[];
  open: SurveyItemView[];
} {
  const groups: DimensionGroup[] = [];
  const open: SurveyItemView[] = [];
  for (const item of items) {
    if (item.kind === 'text' || !item.dimension) {
      open.push(item);
      continue;
    }
    const group = groups.find((g) => g.dimension === item.dimension);
    if (group) {
      group.items.push(item);
    } else {
      groups.push({ dimension: item.dimension, items: [item] });
    }
  }
  return { groups, open };
}

/**
 * `/evaluasi/survei/:enrolmentId` (a course) and `/evaluasi/survei-sesi/:sessionId` (a live
 * session): the feedback survey. Likert items (1–5) under their dimension's heading, open
 * questions, a required marker when sending it is a completion criterion; once sent, the
 * learner's own answers. Missing answers and the API's refusals are shown at their item.
 */
@Component({
  selector: 'sb-survey-form',
  imports: [
    FormsModule,
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    LikertScaleComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (enrolmentId()) {
      <a mat-button [routerLink]="['/belajar', enrolmentId()]" data-testid="survey-back">
        {{ 'evaluation.survey.backToCourse' | translate }}
      </a>
    } @else {
      <a mat-button routerLink="/live" data-testid="survey-back">
        {{ 'evaluation.survey.backToSessions' | translate }}
      </a>
    }
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'evaluation.survey.title' | translate }}</h1>
        @if (form(); as f) {
          <p class="sb-lead" data-testid="survey-target">{{ f.target.title }}</p>
        }
      </div>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="loadProblem()" />

    @if (form(); as f) {
      @if (f.requiredForCompletion) {
        <p class="sbe-note" role="note" data-testid="survey-required">
          {{ 'evaluation.survey.requiredForCompletion' | translate }}
        </p>
      }
      @if (f.anonymityNote) {
        <p class="sb-muted" data-testid="survey-anonymity">{{ f.anonymityNote }}</p>
      }
      @if (f.submitted) {
        <section class="sbe-done" aria-labelledby="sbe-survey-done" data-testid="survey-submitted">
          <h2 id="sbe-survey-done" tabindex="-1">
            {{ 'evaluation.survey.thanks' | translate }}
          </h2>
          @if (f.submittedAt) {
            <p>
              {{
                'evaluation.survey.submittedAt'
                  | translate: { date: (f.submittedAt | date: 'medium') }
              }}
            </p>
          }
          @if (f.answers?.length) {
            <h3>{{ 'evaluation.survey.yourAnswers' | translate }}</h3>
            <dl class="sb-details" data-testid="survey-answers">
              @for (item of f.items; track item.id) {
                @if (answerOf(item.id); as a) {
                  <dt>{{ item.text }}</dt>
                  <dd>
                    @if (a.score !== null) {
                      {{ a.score }} — {{ 'evaluation.likert.' + a.score | translate }}
                    } @else {
                      {{ a.text || ('common.none' | translate) }}
                    }
                  </dd>
                }
              }
            </dl>
          }
        </section>
      } @else {
        <form (ngSubmit)="submit()" novalidate data-testid="survey-form">
          <p class="sb-muted">
            @if (f.description) {
              {{ f.description }}
            }
            {{ 'evaluation.survey.requiredHint' | translate }}
          </p>
          @for (g of grouped().groups; track g.dimension) {
            <section class="sbe-dimension" [attr.aria-labelledby]="'sbe-dim-' + g.dimension">
              <h2 [id]="'sbe-dim-' + g.dimension">
                {{ 'evaluation.dimension.' + g.dimension | translate }}
              </h2>
              @for (item of g.items; track item.id) {
                <div
                  class="sbe-item"
                  role="group"
                  [attr.aria-labelledby]="'sbe-q-' + item.id"
                  [attr.data-item]="item.id"
                  data-testid="survey-item"
                >
                  <p class="sbe-question" [id]="'sbe-q-' + item.id">
                    {{ item.text }}
                    @if (item.required) {
                      <span class="sbe-required" aria-hidden="true">*</span>
                      <span class="sb-visually-hidden">{{
                        'evaluation.survey.required' | translate
                      }}</span>
                    }
                  </p>
                  <sb-likert-scale
                    [name]="'sbe-score-' + item.id"
                    [labelledBy]="'sbe-q-' + item.id"
                    [describedBy]="errorOf(item.id) ? 'sbe-err-' + item.id : null"
                    [value]="scores()[item.id] ?? null"
                    [required]="item.required"
                    [invalid]="!!errorOf(item.id)"
                    [disabled]="busy()"
                    (changed)="setScore(item.id, $event)"
                  />
                  @if (errorOf(item.id); as e) {
                    <p class="sb-error-text" [id]="'sbe-err-' + item.id" data-testid="item-error">
                      {{ e }}
                    </p>
                  }
                </div>
              }
            </section>
          }
          @if (grouped().open.length) {
            <section class="sbe-dimension" aria-labelledby="sbe-open">
              <h2 id="sbe-open">{{ 'evaluation.survey.comments' | translate }}</h2>
              @for (item of grouped().open; track item.id) {
                <mat-form-field class="sbe-comment" [attr.data-item]="item.id">
                  <mat-label>{{ item.text }}</mat-label>
                  <textarea
                    matInput
                    rows="3"
                    maxlength="2000"
                    [required]="item.required"
                    [disabled]="busy()"
                    [value]="texts()[item.id] ?? ''"
                    (input)="setText(item.id, $any($event.target).value)"
                    [attr.aria-invalid]="errorOf(item.id) ? 'true' : null"
                    [attr.aria-describedby]="errorOf(item.id) ? 'sbe-err-' + item.id : null"
                  ></textarea>
                  <mat-hint align="end">{{ (texts()[item.id] ?? '').length }}/2000</mat-hint>
                </mat-form-field>
                @if (errorOf(item.id); as e) {
                  <p class="sb-error-text" [id]="'sbe-err-' + item.id" data-testid="item-error">
                    {{ e }}
                  </p>
                }
              }
            </section>
          }
          @if (missing() > 0) {
            <p class="sb-error-text" role="alert" data-testid="survey-missing">
              {{ 'evaluation.survey.missing' | translate: { n: missing() } }}
            </p>
          }
          <sb-problem-alert [problem]="problem()" />
          @for (m of otherErrors(); track $index) {
            <p class="sb-error-text">{{ m }}</p>
          }
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="survey-submit">
            {{ (busy() ? 'evaluation.survey.sending' : 'evaluation.survey.submit') | translate }}
          </button>
        </form>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 880px;
    }
    .sbe-note {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .sbe-dimension {
      margin-top: 16px;
      h2 {
        font: var(--mat-sys-title-medium);
        margin: 0 0 8px;
      }
    }
    .sbe-item {
      padding: 8px 0 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .sbe-question {
      margin: 0 0 4px;
      font: var(--mat-sys-body-large);
    }
    .sbe-required {
      color: var(--mat-sys-error);
      margin-inline-start: 4px;
    }
    .sbe-comment {
      width: 100%;
      margin-top: 8px;
    }
    .sbe-done h2 {
      font: var(--mat-sys-title-large);
    }
    button[type='submit'] {
      margin-top: 16px;
    }
  `,
})
export class SurveyFormComponent {
  private readonly api = inject(EvaluationApi);
  private readonly translate = inject(TranslateService);

  /** Route parameter of the course survey. */
  readonly enrolmentId = input<string>();
  /** Route parameter of a live session's survey. */
  readonly sessionId = input<string>();

  protected readonly form = signal<SurveyForm | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly scores = signal<Partial<Record<string, number>>>({});
  protected readonly texts = signal<Partial<Record<string, string>>>({});
  /** Messages per item: what is missing here, or what the API refused. */
  protected readonly itemErrors = signal<Partial<Record<string, string>>>({});
  protected readonly otherErrors = signal<string[]>([]);
  protected readonly missing = signal(0);

  protected readonly grouped = computed(() => groupSurveyItems(this.form()?.items ?? []));

  private readonly target = computed<SurveyTarget | null>(() => {
    const enrolmentId = this.enrolmentId();
    const sessionId = this.sessionId();
    if (enrolmentId) {
      return { kind: 'course', enrolmentId };
    }
    return sessionId ? { kind: 'session', sessionId } : null;
  });

  constructor() {
    effect(() => {
      const target = this.target();
      if (target) {
        untracked(() => this.load(target));
      }
    });
  }

  private load(target: SurveyTarget): void {
    sendRequest(
      this.api.surveyForm(target),
      { busy: this.loading, problem: this.loadProblem },
      (f) => this.form.set(f),
    );
  }

  protected answerOf(itemId: string): { score: number | null; text: string | null } | null {
    return this.form()?.answers?.find((a) => a.itemId === itemId) ?? null;
  }

  protected errorOf(itemId: string): string | null {
    return this.itemErrors()[itemId] ?? null;
  }

  protected setScore(itemId: string, score: number): void {
    this.scores.update((s) => ({ ...s, [itemId]: score }));
    this.clearError(itemId);
  }

  protected setText(itemId: string, text: string): void {
    this.texts.update((t) => ({ ...t, [itemId]: text }));
    this.clearError(itemId);
  }

  private clearError(itemId: string): void {
    if (this.itemErrors()[itemId]) {
      this.itemErrors.update(({ [itemId]: _, ...rest }) => rest);
    }
  }

  protected submit(): void {
    const f = this.form();
    const target = this.target();
    if (!f || !target || this.busy()) {
      return;
    }
    const scores = this.scores();
    const texts = this.texts();
    const missing: Record<string, string> = {};
    for (const item of f.items) {
      const empty =
        item.kind === 'likert' ? scores[item.id] === undefined : !(texts[item.id] ?? '').trim();
      if (item.required && empty) {
        missing[item.id] = this.requiredMessage();
      }
    }
    this.missing.set(Object.keys(missing).length);
    this.itemErrors.set(missing);
    this.otherErrors.set([]);
    this.problem.set(null);
    if (this.missing()) {
      this.focusFirstError();
      return;
    }
    const answers: SurveyAnswerInput[] = [];
    for (const item of f.items) {
      if (item.kind === 'likert' && scores[item.id] !== undefined) {
        answers.push({ itemId: item.id, score: scores[item.id] });
      } else if (item.kind === 'text' && (texts[item.id] ?? '').trim()) {
        answers.push({ itemId: item.id, text: (texts[item.id] ?? '').trim() });
      }
    }
    this.busy.set(true);
    this.api.submitSurvey(target, { answers }).subscribe({
      next: (sent) => {
        this.busy.set(false);
        this.form.set(sent);
        setTimeout(() => document.getElementById('sbe-survey-done')?.focus());
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        // Field errors name the answer by its index in the request: put each at its item.
        const { byIndex, rest } = errorsByIndex(problem, 'answers');
        const perItem: Record<string, string> = {};
        const other = [...rest];
        for (const [index, errors] of byIndex) {
          const itemId = answers[index]?.itemId;
          const text = errors.map((e) => e.message).join(' ');
          if (itemId) {
            perItem[itemId] = text;
          } else {
            other.push(text);
          }
        }
        this.itemErrors.set(perItem);
        this.otherErrors.set(problem.errors?.length ? other : []);
        this.problem.set(problem);
        if (problem.status === 409) {
          // Sent already (another tab): show what was sent.
          this.load(target);
        }
        this.focusFirstError();
      },
    });
  }

  private requiredMessage(): string {
    return this.translate.instant('evaluation.survey.itemRequired') as string;
  }

  private focusFirstError(): void {
    setTimeout(() => {
      const first = Object.keys(this.itemErrors())[0];
      const host = first ? document.querySelector(`[data-item="${first}"]`) : null;
      host?.querySelector<HTMLElement>('input, textarea')?.focus();
    });
  }
}
