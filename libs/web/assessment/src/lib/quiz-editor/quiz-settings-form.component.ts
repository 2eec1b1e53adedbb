import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import {
  GRADING_METHODS,
  NAVIGATION_MODES,
  type ProblemDetails,
  QUIZ_ROLES,
  type QuizView,
  REVIEW_WHEN,
} from '@siantar/contracts';
import { ProblemAlertComponent, sendRequest, toProblem } from '@siantar/web-core';
import { EMPTY, catchError, concatMap, from, map, mergeMap, of, take } from 'rxjs';
import { AssessmentAuthoringApi } from '../authoring-api/assessment-authoring.api';
import { RowActionsComponent } from '../shared/row-actions.component';
import {
  type QuizSettingsModel,
  type SlotModel,
  buildSettingsRequest,
  defaultSettings,
  settingsFromQuiz,
  validateSettings,
} from './quiz-settings-model';
import { type SlotPickerData, SlotPickerDialogComponent } from './slot-picker-dialog.component';

interface SlotLabel {
  label: string;
  detail?: string;
}

/**
 * A quiz's settings: title, slots, timing, attempts, grading, review, role. Creates the quiz
 * (`POST /quizzes` with the course) when there is no `quizId` yet, otherwise saves it (`PUT`).
 */
@Component({
  selector: 'sb-quiz-settings-form',
  imports: [
    DecimalPipe,
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
    RowActionsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.control.s)': 'onSaveKey($event)', '(keydown.meta.s)': 'onSaveKey($event)' },
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="loadProblem()" />
    @if (model(); as m) {
      <div class="sb-form sba-quiz-form">
        <fieldset>
          <legend>{{ 'assessment.quiz.general' | translate }}</legend>
          <mat-form-field class="sba-full">
            <mat-label>{{ 'assessment.quiz.title' | translate }}</mat-label>
            <input
              matInput
              [(ngModel)]="m.title"
              minlength="3"
              maxlength="200"
              required
              data-testid="quiz-title"
            />
          </mat-form-field>
          <div class="sb-form-grid">
            <mat-form-field>
              <mat-label>{{ 'assessment.quiz.role' | translate }}</mat-label>
              <mat-select [(ngModel)]="m.role" data-testid="quiz-role">
                @for (r of roles; track r) {
                  <mat-option [value]="r">{{
                    'assessment.quiz.roles.' + r | translate
                  }}</mat-option>
                }
              </mat-select>
              <mat-hint>{{ 'assessment.quiz.roleHint' | translate }}</mat-hint>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'assessment.quiz.navigation' | translate }}</mat-label>
              <mat-select [(ngModel)]="m.navigation">
                @for (n of navigations; track n) {
                  <mat-option [value]="n">{{
                    'assessment.quiz.navigations.' + n | translate
                  }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          </div>
        </fieldset>

        <fieldset>
          <legend>{{ 'assessment.quiz.slots' | translate }}</legend>
          @if (m.slots.length === 0) {
            <p class="sb-muted">{{ 'assessment.quiz.noSlots' | translate }}</p>
          }
          <ol class="sba-slots">
            @for (s of m.slots; track s.key; let i = $index) {
              <li class="sba-slot" data-testid="quiz-slot">
                <div class="sba-slot-text">
                  @if (s.kind === 'question') {
                    <span class="sb-strong">{{
                      labelOf(s).label || ('assessment.quiz.questionPending' | translate)
                    }}</span>
                    @if (labelOf(s).detail; as d) {
                      <span class="sb-muted"> · {{ 'assessment.type.' + d | translate }}</span>
                    }
                  } @else {
                    <span class="sb-strong">
                      {{ 'assessment.quiz.randomSlot' | translate: { count: s.count ?? 1 } }}
                    </span>
                    <span class="sb-muted">
                      · {{ labelOf(s).label || ('assessment.quiz.categoryPending' | translate) }}
                      @if (s.includeSubcategories) {
                        · {{ 'assessment.quiz.withSub' | translate }}
                      }
                    </span>
                  }
                </div>
                @if (s.kind === 'random') {
                  <mat-form-field class="sba-mini">
                    <mat-label>{{ 'assessment.picker.count' | translate }}</mat-label>
                    <input matInput type="number" min="1" max="200" [(ngModel)]="s.count" />
                  </mat-form-field>
                }
                <mat-form-field class="sba-mini">
                  <mat-label>{{ 'assessment.quiz.slotMark' | translate }}</mat-label>
                  <input
                    matInput
                    type="number"
                    min="0"
                    max="100"
                    step="any"
                    [(ngModel)]="s.mark"
                    [placeholder]="'assessment.quiz.slotMarkDefault' | translate"
                  />
                </mat-form-field>
                <sb-row-actions
                  class="sba-slot-actions"
                  [rows]="m.slots"
                  [index]="i"
                  [count]="$count"
                  [moveKeys]="slotMoveKeys"
                  removeKey="assessment.quiz.removeSlot"
                />
              </li>
            }
          </ol>
          <div class="sb-actions">
            <button
              mat-stroked-button
              type="button"
              (click)="pick(m, 'question')"
              data-testid="quiz-add-question"
            >
              <mat-icon svgIcon="add" aria-hidden="true" />
              {{ 'assessment.quiz.addQuestion' | translate }}
            </button>
            <button
              mat-stroked-button
              type="button"
              (click)="pick(m, 'random')"
              data-testid="quiz-add-random"
            >
              <mat-icon svgIcon="add" aria-hidden="true" />
              {{ 'assessment.quiz.addRandom' | translate }}
            </button>
          </div>
          @if (saved(); as q) {
            <p class="sb-muted">
              {{
                'assessment.quiz.maxMark'
                  | translate: { count: q.questionCount, mark: (q.maxMark | number: '1.0-2') }
              }}
            </p>
          }
        </fieldset>

        <fieldset>
          <legend>{{ 'assessment.quiz.timing' | translate }}</legend>
          <p class="sb-muted">{{ 'assessment.quiz.wibNote' | translate }}</p>
          <div class="sb-form-grid">
            <mat-form-field>
              <mat-label>{{ 'assessment.quiz.opensAt' | translate }}</mat-label>
              <input
                matInput
                type="datetime-local"
                [(ngModel)]="m.opensAt"
                data-testid="quiz-opens"
              />
              <span matTextSuffix>WIB</span>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'assessment.quiz.closesAt' | translate }}</mat-label>
              <input
                matInput
                type="datetime-local"
                [(ngModel)]="m.closesAt"
                data-testid="quiz-closes"
              />
              <span matTextSuffix>WIB</span>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'assessment.quiz.timeLimit' | translate }}</mat-label>
              <input
                matInput
                type="number"
                min="1"
                max="600"
                [(ngModel)]="m.timeLimitMinutes"
                data-testid="quiz-time-limit"
              />
              <span matTextSuffix>{{ 'assessment.quiz.minutes' | translate }}</span>
              <mat-hint>{{ 'assessment.quiz.timeLimitHint' | translate }}</mat-hint>
            </mat-form-field>
          </div>
        </fieldset>

        <fieldset>
          <legend>{{ 'assessment.quiz.grading' | translate }}</legend>
          <div class="sb-form-grid">
            <mat-form-field>
              <mat-label>{{ 'assessment.quiz.attempts' | translate }}</mat-label>
              <input
                matInput
                type="number"
                min="0"
                max="100"
                [(ngModel)]="m.attemptsAllowed"
                data-testid="quiz-attempts"
              />
              <mat-hint>{{ 'assessment.quiz.attemptsHint' | translate }}</mat-hint>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'assessment.quiz.gradingMethod' | translate }}</mat-label>
              <mat-select [(ngModel)]="m.gradingMethod">
                @for (g of gradingMethods; track g) {
                  <mat-option [value]="g">{{
                    'assessment.quiz.gradingMethods.' + g | translate
                  }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'assessment.quiz.passPercent' | translate }}</mat-label>
              <input
                matInput
                type="number"
                min="0"
                max="100"
                step="any"
                [(ngModel)]="m.passPercent"
                data-testid="quiz-pass"
              />
              <span matTextSuffix>%</span>
            </mat-form-field>
          </div>
          <div class="sba-checks">
            <mat-checkbox [(ngModel)]="m.shuffleQuestions">{{
              'assessment.quiz.shuffleQuestions' | translate
            }}</mat-checkbox>
            <mat-checkbox [(ngModel)]="m.shuffleAnswers">{{
              'assessment.quiz.shuffleAnswers' | translate
            }}</mat-checkbox>
            <mat-checkbox [(ngModel)]="m.anonymousGrading">{{
              'assessment.quiz.anonymousGrading' | translate
            }}</mat-checkbox>
          </div>
        </fieldset>

        <fieldset>
          <legend>{{ 'assessment.quiz.review' | translate }}</legend>
          <mat-radio-group
            class="sba-checks"
            [(ngModel)]="m.reviewWhen"
            [attr.aria-label]="'assessment.quiz.reviewWhen' | translate"
          >
            @for (w of reviewWhen; track w) {
              <mat-radio-button [value]="w">{{
                'assessment.quiz.reviewWhens.' + w | translate
              }}</mat-radio-button>
            }
          </mat-radio-group>
          <div
            class="sba-checks"
            role="group"
            [attr.aria-label]="'assessment.quiz.reviewShows' | translate"
          >
            <mat-checkbox [(ngModel)]="m.reviewScore" [disabled]="m.reviewWhen === 'never'">{{
              'assessment.quiz.reviewScore' | translate
            }}</mat-checkbox>
            <mat-checkbox
              [(ngModel)]="m.reviewRightAnswers"
              [disabled]="m.reviewWhen === 'never'"
              >{{ 'assessment.quiz.reviewRightAnswers' | translate }}</mat-checkbox
            >
            <mat-checkbox [(ngModel)]="m.reviewFeedback" [disabled]="m.reviewWhen === 'never'">{{
              'assessment.quiz.reviewFeedback' | translate
            }}</mat-checkbox>
          </div>
        </fieldset>

        @if (issues().length) {
          <ul class="sb-error-list" role="alert" data-testid="quiz-issues">
            @for (issue of issues(); track $index) {
              <li>{{ issue.key | translate: issue.params }}</li>
            }
          </ul>
        }
        <sb-problem-alert [problem]="problem()" />
        <div class="sb-actions">
          <button
            mat-flat-button
            type="button"
            (click)="save()"
            [disabled]="saving()"
            data-testid="quiz-save"
          >
            {{
              (quizId() || saved() ? 'assessment.quiz.save' : 'assessment.quiz.create') | translate
            }}
          </button>
          @if (showCancel()) {
            <button mat-button type="button" (click)="cancelled.emit()">
              {{ 'common.cancel' | translate }}
            </button>
          }
        </div>
        @if (saving()) {
          <mat-progress-bar
            mode="indeterminate"
            [attr.aria-label]="'assessment.editor.saving' | translate"
          />
        }
      </div>
    }
  `,
  styles: `
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px 12px;
      margin: 0 0 8px;
      min-width: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      padding-inline: 4px;
    }
    .sba-full {
      width: 100%;
    }
    .sba-slots {
      margin: 0 0 8px;
      padding-inline-start: 24px;
    }
    .sba-slot {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      padding-block: 6px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .sba-slot-text {
      flex: 1 1 240px;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .sba-mini {
      flex: 0 0 120px;
    }
    .sba-slot-actions {
      display: flex;
    }
    .sba-checks {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
  `,
})
export class QuizSettingsFormComponent {
  private readonly api = inject(AssessmentAuthoringApi);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);

  /** The course the quiz belongs to (needed to create one). */
  readonly courseId = input<string>('');
  /** Absent: a new quiz. */
  readonly quizId = input<string>();
  readonly suggestedTitle = input<string>('');
  readonly showCancel = input(false);
  readonly savedQuiz = output<QuizView>();
  readonly cancelled = output<void>();
  /** The loaded quiz (its course, for slots picked later). */
  readonly loaded = output<QuizView>();

  protected readonly roles = QUIZ_ROLES;
  protected readonly navigations = NAVIGATION_MODES;
  protected readonly gradingMethods = GRADING_METHODS;
  protected readonly reviewWhen = REVIEW_WHEN;
  protected readonly slotMoveKeys = {
    up: 'assessment.quiz.moveSlotUp',
    down: 'assessment.quiz.moveSlotDown',
  };

  protected readonly model = signal<QuizSettingsModel | null>(null);
  protected readonly saved = signal<QuizView | null>(null);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly issues = signal<{ key: string; params?: Record<string, number> }[]>([]);
  /** Names of questions and paths of categories, by id. */
  private readonly labels = signal<Record<string, SlotLabel>>({});

  constructor() {
    effect(() => {
      const quizId = this.quizId();
      untracked(() => this.load(quizId));
    });
  }

  private load(quizId: string | undefined): void {
    if (!quizId) {
      this.model.set(defaultSettings(this.suggestedTitle()));
      return;
    }
    this.loading.set(true);
    this.loadProblem.set(null);
    this.api.quiz(quizId).subscribe({
      next: (quiz) => {
        this.saved.set(quiz);
        this.model.set(settingsFromQuiz(quiz));
        this.loading.set(false);
        this.loaded.emit(quiz);
        this.resolveLabels(quiz);
      },
      error: (error: unknown) => {
        this.loadProblem.set(toProblem(error));
        this.loading.set(false);
      },
    });
  }

  /**
   * Slots carry ids only: question names come from `GET /questions/:id`, category paths
   * from the banks the trainer can see (the course's first, then shared ones).
   */
  private resolveLabels(quiz: QuizView): void {
    const questionIds = [
      ...new Set(quiz.slots.filter((s) => s.kind === 'question').map((s) => s.questionId ?? '')),
    ].filter(Boolean);
    from(questionIds)
      .pipe(
        mergeMap(
          (id) =>
            this.api.question(id).pipe(
              map((q) => ({ id, label: q.name, detail: q.type })),
              catchError(() => EMPTY),
            ),
          4,
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((l) => this.labels.update((all) => ({ ...all, [l.id]: l })));

    const wanted = new Set(
      quiz.slots.filter((s) => s.kind === 'random').map((s) => s.categoryId ?? ''),
    );
    wanted.delete('');
    if (wanted.size === 0) {
      return;
    }
    this.api
      .banks({ limit: 100, offset: 0 })
      .pipe(
        catchError(() => of({ items: [], total: 0, limit: 0, offset: 0 })),
        concatMap((page) =>
          from(
            [...page.items].sort(
              (a, b) => rankBank(a.courseId, quiz.courseId) - rankBank(b.courseId, quiz.courseId),
            ),
          ),
        ),
        take(20),
        // Called one bank at a time: stops asking once every category is named.
        concatMap((bank) =>
          wanted.size ? this.api.bank(bank.id).pipe(catchError(() => EMPTY)) : EMPTY,
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((bank) => {
        const found: Record<string, SlotLabel> = {};
        for (const c of bank.categories) {
          if (wanted.delete(c.id)) {
            found[c.id] = { label: c.path, detail: bank.name };
          }
        }
        if (Object.keys(found).length) {
          this.labels.update((all) => ({ ...all, ...found }));
        }
      });
  }

  protected labelOf(s: SlotModel): SlotLabel {
    const id = (s.kind === 'question' ? s.questionId : s.categoryId) ?? '';
    return this.labels()[id] ?? { label: s.label, detail: s.detail };
  }

  protected pick(m: QuizSettingsModel, mode: 'question' | 'random'): void {
    const courseId = this.saved()?.courseId ?? this.courseId();
    this.dialog
      .open<SlotPickerDialogComponent, SlotPickerData, SlotModel[]>(SlotPickerDialogComponent, {
        data: { courseId, mode },
        width: '760px',
        maxWidth: '100vw',
      })
      .afterClosed()
      .subscribe((slots) => {
        if (slots?.length) {
          const known = new Set(m.slots.map((s) => s.questionId).filter(Boolean));
          // The same fixed question twice in one quiz makes no sense; skip repeats.
          const fresh = slots.filter((s) => s.kind === 'random' || !known.has(s.questionId));
          this.model.set({ ...m, slots: [...m.slots, ...fresh] });
        }
      });
  }

  protected onSaveKey(event: Event): void {
    event.preventDefault();
    this.save();
  }

  protected save(): void {
    const m = this.model();
    if (!m || this.saving()) {
      return;
    }
    const issues = validateSettings(m);
    this.issues.set(issues);
    if (issues.length) {
      return;
    }
    const body = buildSettingsRequest(m);
    const id = this.saved()?.id ?? this.quizId();
    const call = id
      ? this.api.updateQuiz(id, body)
      : this.api.createQuiz({ ...body, courseId: this.courseId() });
    sendRequest(call, { busy: this.saving, problem: this.problem }, (quiz) => {
      this.saved.set(quiz);
      this.savedQuiz.emit(quiz);
    });
  }
}

function rankBank(bankCourseId: string | null, courseId: string): number {
  return bankCourseId === courseId ? 0 : bankCourseId === null ? 1 : 2;
}
