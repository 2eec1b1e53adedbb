import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { GradingItemDetail, ManualGradeRequest, ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, sendRequest, toProblem } from '@siantar/web-core';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';
import {
  type RubricSelection,
  rubricMark,
  rubricScores,
  rubricSelection,
  rubricTotal,
  wordCount,
} from './rubric-mark';

type Mode = 'rubric' | 'mark';

/**
 * `/penilaian/penilaian-esai/:attemptId/:slot`: one essay, its rubric (a radio group per
 * criterion) or a plain mark, a comment; saving opens the next essay in the queue.
 * Ctrl+Enter saves.
 */
@Component({
  selector: 'sb-grading-item',
  imports: [
    DatePipe,
    DecimalPipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(keydown.control.enter)': 'onSaveKey($event)',
    '(keydown.meta.enter)': 'onSaveKey($event)',
  },
  template: `
    <a
      mat-button
      routerLink="/penilaian/penilaian-esai"
      [queryParams]="kuis() ? { kuis: kuis() } : {}"
    >
      <mat-icon svgIcon="sba-back" aria-hidden="true" />
      {{ 'assessment.grading.backToQueue' | translate }}
    </a>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="loadProblem()" />
    @if (item(); as it) {
      <h1 class="sb-page-title" tabindex="-1" #heading>{{ it.questionName }}</h1>
      <dl class="sb-details sba-meta">
        <dt>{{ 'assessment.grading.quiz' | translate }}</dt>
        <dd>
          <a [routerLink]="['/penilaian/kuis', it.quizId, 'laporan']">{{ it.quizTitle }}</a>
        </dd>
        <dt>{{ 'assessment.grading.learner' | translate }}</dt>
        <dd data-testid="grading-learner">{{ it.learnerLabel }}</dd>
        <dt>{{ 'assessment.grading.submittedAt' | translate }}</dt>
        <dd>{{ it.submittedAt | date: 'medium' }}</dd>
      </dl>

      <div class="sba-grade-layout">
        <div class="sba-col">
          <section class="sba-card" aria-labelledby="sba-q-title">
            <h2 id="sba-q-title">{{ 'assessment.grading.question' | translate }}</h2>
            <div class="sba-html" [innerHTML]="it.html"></div>
          </section>
          <section class="sba-card" aria-labelledby="sba-a-title">
            <h2 id="sba-a-title">{{ 'assessment.grading.answer' | translate }}</h2>
            <p class="sb-muted">{{ 'assessment.grading.words' | translate: { count: words() } }}</p>
            <div class="sba-answer" data-testid="grading-answer">
              {{ it.answerText || ('assessment.grading.noAnswer' | translate) }}
            </div>
          </section>
        </div>

        <section class="sba-card sba-col" aria-labelledby="sba-g-title">
          <h2 id="sba-g-title">{{ 'assessment.grading.grade' | translate }}</h2>
          @if (it.rubric.length) {
            <mat-button-toggle-group
              [value]="mode()"
              (change)="mode.set($event.value)"
              [attr.aria-label]="'assessment.grading.mode' | translate"
            >
              <mat-button-toggle value="rubric">{{
                'assessment.grading.useRubric' | translate
              }}</mat-button-toggle>
              <mat-button-toggle value="mark">{{
                'assessment.grading.useMark' | translate
              }}</mat-button-toggle>
            </mat-button-toggle-group>
          }
          @if (mode() === 'rubric' && it.rubric.length) {
            @for (c of it.rubric; track c.id; let ci = $index) {
              <fieldset class="sba-criterion" data-testid="rubric-criterion">
                <legend [id]="'sba-crit-' + ci">{{ c.name }}</legend>
                <mat-radio-group
                  class="sba-levels"
                  [attr.aria-labelledby]="'sba-crit-' + ci"
                  [value]="selection()[c.id]"
                  (change)="choose(c.id, $event.value)"
                >
                  @for (l of c.levels; track $index; let li = $index) {
                    <mat-radio-button [value]="li" data-testid="rubric-level">
                      <span class="sb-strong">{{
                        'assessment.grading.points' | translate: { points: l.points }
                      }}</span>
                      — {{ l.description }}
                    </mat-radio-button>
                  }
                </mat-radio-group>
              </fieldset>
            }
            <p class="sb-summary" aria-live="polite" data-testid="rubric-mark">
              {{
                'assessment.grading.rubricTotal'
                  | translate: { points: total().points, max: total().maxPoints }
              }}
              @if (computedMark() !== null) {
                →
                {{
                  'assessment.grading.markOf'
                    | translate
                      : {
                          mark: (computedMark() | number: '1.0-2'),
                          max: (it.maxMark | number: '1.0-2'),
                        }
                }}
              } @else {
                · {{ 'assessment.grading.rubricIncomplete' | translate }}
              }
            </p>
          } @else {
            <mat-form-field class="sba-mark">
              <mat-label>{{ 'assessment.grading.mark' | translate }}</mat-label>
              <input
                matInput
                type="number"
                inputmode="decimal"
                min="0"
                [max]="it.maxMark"
                step="any"
                [(ngModel)]="mark"
                data-testid="mark-input"
              />
              <span matTextSuffix>/ {{ it.maxMark | number: '1.0-2' }}</span>
            </mat-form-field>
          }
          <mat-form-field class="sba-full">
            <mat-label>{{ 'assessment.grading.comment' | translate }}</mat-label>
            <textarea
              matInput
              rows="5"
              maxlength="5000"
              [(ngModel)]="comment"
              data-testid="grade-comment"
            ></textarea>
            <mat-hint>{{ 'assessment.grading.commentHint' | translate }}</mat-hint>
          </mat-form-field>
          @if (invalid()) {
            <p class="sb-error-text" role="alert" data-testid="grade-error">
              {{ invalid() ?? '' | translate: { max: it.maxMark } }}
            </p>
          }
          <sb-problem-alert [problem]="problem()" />
          <div class="sb-actions">
            <button
              mat-flat-button
              type="button"
              (click)="save()"
              [disabled]="saving()"
              data-testid="save-grade"
            >
              {{ 'assessment.grading.saveNext' | translate }}
            </button>
            <button
              mat-button
              type="button"
              (click)="next()"
              [disabled]="saving()"
              data-testid="skip-grade"
            >
              {{ 'assessment.grading.skip' | translate }}
            </button>
          </div>
          <p class="sb-muted">{{ 'assessment.grading.keyboardHint' | translate }}</p>
          @if (saving()) {
            <mat-progress-bar
              mode="indeterminate"
              [attr.aria-label]="'assessment.editor.saving' | translate"
            />
          }
        </section>
      </div>
    }
  `,
  styles: `
    .sba-meta {
      margin-bottom: 16px;
    }
    .sba-grade-layout {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(300px, 2fr);
      gap: 16px;
      align-items: start;
    }
    @media (max-width: 959.98px) {
      .sba-grade-layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .sba-col {
      display: flex;
      flex-direction: column;
      gap: 16px;
      min-width: 0;
    }
    .sba-card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      background: var(--mat-sys-surface);
      h2 {
        font: var(--mat-sys-title-medium);
        margin: 0 0 8px;
      }
    }
    .sba-html {
      overflow-wrap: anywhere;
    }
    .sba-answer {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-large);
      max-height: 60vh;
      overflow: auto;
    }
    .sba-criterion {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      margin: 0;
      padding: 4px 8px 8px;
      legend {
        font: var(--mat-sys-title-small);
        padding-inline: 4px;
      }
    }
    .sba-levels {
      display: flex;
      flex-direction: column;
    }
    .sba-mark {
      max-width: 240px;
    }
    .sba-full {
      width: 100%;
    }
  `,
})
export class GradingItemComponent {
  private readonly api = inject(AssessmentAuthoringApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  readonly attemptId = input.required<string>();
  readonly slot = input.required<string>();
  /** `?kuis=`: the queue's quiz filter, kept for "next". */
  readonly kuis = input<string>();

  protected readonly item = signal<GradingItemDetail | null>(null);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly invalid = signal<string | null>(null);
  protected readonly mode = signal<Mode>('rubric');
  protected readonly selection = signal<RubricSelection>({});
  protected mark: number | null = null;
  protected comment = '';

  protected readonly total = computed(() =>
    rubricTotal(this.item()?.rubric ?? [], this.selection()),
  );
  protected readonly computedMark = computed(() => {
    const it = this.item();
    return it ? rubricMark(it.rubric, this.selection(), it.maxMark) : null;
  });
  protected readonly words = computed(() => wordCount(this.item()?.answerText ?? ''));

  constructor() {
    effect(() => {
      const attemptId = this.attemptId();
      const slot = Number(this.slot());
      untracked(() => this.load(attemptId, slot));
    });
  }

  private load(attemptId: string, slot: number): void {
    this.loading.set(true);
    this.loadProblem.set(null);
    this.problem.set(null);
    this.invalid.set(null);
    this.item.set(null);
    this.api.gradingItem(attemptId, slot).subscribe({
      next: (item) => {
        this.item.set(item);
        this.selection.set(rubricSelection(item.rubric, item.rubricScores));
        this.mode.set(item.rubric.length ? 'rubric' : 'mark');
        this.mark = item.mark;
        this.comment = item.comment ?? '';
        this.loading.set(false);
        // Screen-reader and keyboard users start at the new essay's title.
        setTimeout(() => this.heading()?.nativeElement.focus());
      },
      error: (error: unknown) => {
        this.loadProblem.set(toProblem(error));
        this.loading.set(false);
      },
    });
  }

  protected choose(criterionId: string, level: number): void {
    this.selection.update((s) => ({ ...s, [criterionId]: level }));
    this.invalid.set(null);
  }

  protected onSaveKey(event: Event): void {
    event.preventDefault();
    this.save();
  }

  /** The request, or a translation key saying what is missing. */
  private request(it: GradingItemDetail): ManualGradeRequest | string {
    const comment = this.comment.trim();
    const withComment = comment ? { comment } : {};
    if (this.mode() === 'rubric' && it.rubric.length) {
      if (this.computedMark() === null) {
        return 'assessment.grading.rubricIncomplete';
      }
      return { rubric: rubricScores(it.rubric, this.selection()), ...withComment };
    }
    const mark = this.mark;
    if (typeof mark !== 'number' || !Number.isFinite(mark) || mark < 0 || mark > it.maxMark) {
      return 'assessment.grading.markRange';
    }
    return { mark: Math.round(mark * 100) / 100, ...withComment };
  }

  protected save(): void {
    const it = this.item();
    if (!it || this.saving()) {
      return;
    }
    const body = this.request(it);
    if (typeof body === 'string') {
      this.invalid.set(body);
      return;
    }
    this.invalid.set(null);
    sendRequest(
      this.api.grade(it.attemptId, it.slot, body),
      { busy: this.saving, problem: this.problem },
      (graded) => {
        this.snackBar.open(
          this.translate.instant('assessment.grading.saved', {
            mark: graded.mark ?? '',
            max: graded.maxMark,
          }) as string,
          this.translate.instant('common.close') as string,
          { duration: 4000 },
        );
        this.next();
      },
    );
  }

  /**
   * Opens the next essay waiting (in the same quiz when filtered): the one after this
   * essay in the queue's order, else the oldest other one, else the (empty) queue.
   */
  protected next(): void {
    const it = this.item();
    const kuis = this.kuis();
    const query = kuis ? { kuis } : {};
    const isCurrent = (i: { attemptId: string; slot: number }): boolean =>
      !!it && i.attemptId === it.attemptId && i.slot === it.slot;
    this.api.gradingQueue({ quizId: kuis || undefined, limit: 50, offset: 0 }).subscribe({
      next: (page) => {
        const at = page.items.findIndex(isCurrent);
        const following =
          (at >= 0 ? page.items.slice(at + 1).find((i) => !isCurrent(i)) : undefined) ??
          page.items.find((i) => !isCurrent(i));
        if (following) {
          void this.router.navigate(
            ['/penilaian/penilaian-esai', following.attemptId, following.slot],
            { queryParams: query },
          );
        } else {
          this.snackBar.open(
            this.translate.instant('assessment.grading.allDone') as string,
            this.translate.instant('common.close') as string,
            { duration: 5000 },
          );
          void this.router.navigate(['/penilaian/penilaian-esai'], { queryParams: query });
        }
      },
      error: () => void this.router.navigate(['/penilaian/penilaian-esai'], { queryParams: query }),
    });
  }
}
