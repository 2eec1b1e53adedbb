import { COMMA, ENTER } from '@angular/cdk/keycodes';
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
import { MatCheckboxModule } from '@angular/material/checkbox';
import { type MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  type BankDetail,
  type ProblemDetails,
  QUESTION_TYPES,
  type QuestionDetail,
  type QuestionType,
  TEXT_FORMATS,
} from '@siantar/contracts';
import { ProblemAlertComponent, sendRequest, toProblem } from '@siantar/web-core';
import { forkJoin, of } from 'rxjs';
import { AssessmentAuthoringApi } from '../../authoring-api/assessment-authoring.api';
import { categoryRows, defaultCategoryId } from '../category-tree';
import {
  type EditorIssue,
  MAX_TAG_LENGTH,
  type QuestionEditorModel,
  buildDraft,
  emptyModel,
  modelFromDraft,
  validateModel,
} from '../question-draft';
import { ChoiceAnswersComponent } from './choice-answers.component';
import { ClozeEditorComponent } from './cloze-editor.component';
import { MatchingEditorComponent } from './matching-editor.component';
import { NumericalAnswersComponent } from './numerical-answers.component';
import { OrderingEditorComponent } from './ordering-editor.component';
import { RubricEditorComponent } from './rubric-editor.component';
import { TextAnswersComponent } from './text-answers.component';

const isType = (value: string | undefined): value is QuestionType =>
  (QUESTION_TYPES as readonly string[]).includes(value ?? '');

/**
 * Creates or edits one question of a bank, every type. Routes:
 * `/penilaian/bank-soal/:bankId/soal/baru?jenis=essay&kategori=…` and `…/soal/:questionId`.
 */
@Component({
  selector: 'sb-question-editor',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
    ChoiceAnswersComponent,
    ClozeEditorComponent,
    MatchingEditorComponent,
    NumericalAnswersComponent,
    OrderingEditorComponent,
    RubricEditorComponent,
    TextAnswersComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.control.s)': 'onSaveKey($event)', '(keydown.meta.s)': 'onSaveKey($event)' },
  template: `
    <div class="sb-page-header">
      <div>
        <a mat-button [routerLink]="['/penilaian/bank-soal', bankId()]">
          <mat-icon svgIcon="sba-back" aria-hidden="true" />
          {{ bank()?.name ?? ('assessment.bank.back' | translate) }}
        </a>
        <h1 class="sb-page-title">
          {{
            (questionId() ? 'assessment.editor.editTitle' : 'assessment.editor.newTitle')
              | translate
          }}
        </h1>
      </div>
      @if (detail(); as d) {
        <span class="sb-chip" data-testid="question-version">
          {{ 'assessment.editor.version' | translate: { n: d.version } }}
        </span>
      }
    </div>

    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="loadProblem()" />

    @if (model(); as m) {
      @if (detail()) {
        <p class="sba-version-note" role="note">
          {{ 'assessment.editor.versionNote' | translate }}
        </p>
      }
      @if (bank() && !bank()?.canEdit) {
        <p class="sba-version-note" role="note">{{ 'assessment.editor.readOnly' | translate }}</p>
      }
      <div class="sb-form sba-editor">
        <div class="sb-form-grid">
          <mat-form-field>
            <mat-label>{{ 'assessment.editor.type' | translate }}</mat-label>
            <mat-select
              [(ngModel)]="m.type"
              [disabled]="!!questionId()"
              data-testid="question-type"
            >
              @for (t of types; track t) {
                <mat-option [value]="t">{{ 'assessment.type.' + t | translate }}</mat-option>
              }
            </mat-select>
            @if (questionId()) {
              <mat-hint>{{ 'assessment.editor.typeFixed' | translate }}</mat-hint>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'assessment.editor.category' | translate }}</mat-label>
            <mat-select [(ngModel)]="categoryId" required data-testid="question-category">
              @for (row of categories(); track row.node.id) {
                <mat-option [value]="row.node.id">
                  <span [style.padding-inline-start.px]="row.depth * 16">{{ row.node.name }}</span>
                </mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'assessment.editor.mark' | translate }}</mat-label>
            <input
              matInput
              type="number"
              inputmode="decimal"
              min="0"
              max="100"
              step="any"
              [(ngModel)]="m.defaultMark"
              [disabled]="m.type === 'description'"
              data-testid="question-mark"
            />
            <mat-hint>{{ 'assessment.editor.markHint' | translate }}</mat-hint>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{ 'assessment.editor.name' | translate }}</mat-label>
          <input
            matInput
            [(ngModel)]="m.name"
            maxlength="255"
            required
            data-testid="question-name"
          />
          <mat-hint>{{ 'assessment.editor.nameHint' | translate }}</mat-hint>
        </mat-form-field>
        <div class="sb-form-grid">
          <mat-form-field>
            <mat-label>{{ 'assessment.editor.format' | translate }}</mat-label>
            <mat-select [(ngModel)]="m.format">
              @for (f of formats; track f) {
                <mat-option [value]="f">{{ 'assessment.format.' + f | translate }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{
            (m.type === 'cloze' ? 'assessment.editor.clozeIntro' : 'assessment.editor.text')
              | translate
          }}</mat-label>
          <textarea
            matInput
            rows="5"
            [(ngModel)]="m.text"
            required
            data-testid="question-text"
          ></textarea>
          <mat-hint>{{ 'assessment.editor.textHint' | translate }}</mat-hint>
        </mat-form-field>

        <section class="sba-part" [attr.aria-label]="'assessment.type.' + m.type | translate">
          @switch (m.type) {
            @case ('single-choice') {
              <sb-choice-answers [answers]="m.choices" mode="single" />
            }
            @case ('multiple-response') {
              <mat-radio-group
                class="sba-radios"
                [(ngModel)]="m.choiceScoring"
                [attr.aria-label]="'assessment.editor.scoring' | translate"
              >
                <mat-radio-button value="partial">{{
                  'assessment.editor.scoringPartial' | translate
                }}</mat-radio-button>
                <mat-radio-button value="all-or-nothing">{{
                  'assessment.editor.scoringAllOrNothing' | translate
                }}</mat-radio-button>
              </mat-radio-group>
              <sb-choice-answers [answers]="m.choices" mode="multiple" />
            }
            @case ('true-false') {
              <mat-radio-group
                class="sba-radios"
                [(ngModel)]="m.correct"
                [attr.aria-label]="'assessment.editor.tfCorrect' | translate"
              >
                <mat-radio-button [value]="true">{{
                  'assessment.editor.tfTrue' | translate
                }}</mat-radio-button>
                <mat-radio-button [value]="false">{{
                  'assessment.editor.tfFalse' | translate
                }}</mat-radio-button>
              </mat-radio-group>
              <mat-form-field>
                <mat-label>{{ 'assessment.editor.feedbackTrue' | translate }}</mat-label>
                <input matInput [(ngModel)]="m.feedbackTrue" maxlength="2000" />
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'assessment.editor.feedbackFalse' | translate }}</mat-label>
                <input matInput [(ngModel)]="m.feedbackFalse" maxlength="2000" />
              </mat-form-field>
            }
            @case ('short-answer') {
              <mat-checkbox [(ngModel)]="m.caseSensitive">{{
                'assessment.editor.caseSensitive' | translate
              }}</mat-checkbox>
              <sb-text-answers [answers]="m.textAnswers" />
            }
            @case ('numerical') {
              <sb-numerical-answers [answers]="m.numerical" />
            }
            @case ('matching') {
              <sb-matching-editor [model]="m" />
            }
            @case ('ordering') {
              <sb-ordering-editor [model]="m" />
            }
            @case ('cloze') {
              <sb-cloze-editor [model]="m" />
            }
            @case ('essay') {
              <mat-form-field class="sba-narrow">
                <mat-label>{{ 'assessment.editor.minWords' | translate }}</mat-label>
                <input matInput type="number" min="0" max="10000" [(ngModel)]="m.minWords" />
                <mat-hint>{{ 'assessment.editor.minWordsHint' | translate }}</mat-hint>
              </mat-form-field>
              <sb-rubric-editor [rubric]="m.rubric" [mark]="m.defaultMark" />
            }
            @case ('description') {
              <p class="sb-muted">{{ 'assessment.editor.descriptionNote' | translate }}</p>
            }
          }
        </section>

        <mat-form-field>
          <mat-label>{{ 'assessment.editor.generalFeedback' | translate }}</mat-label>
          <textarea matInput rows="3" [(ngModel)]="m.generalFeedback"></textarea>
          <mat-hint>{{ 'assessment.editor.generalFeedbackHint' | translate }}</mat-hint>
        </mat-form-field>

        <mat-form-field>
          <mat-label>{{ 'assessment.editor.tags' | translate }}</mat-label>
          <mat-chip-grid #tagGrid [attr.aria-label]="'assessment.editor.tags' | translate">
            @for (tag of m.tags; track tag) {
              <mat-chip-row (removed)="removeTag(m, tag)">
                {{ tag }}
                <button
                  matChipRemove
                  [attr.aria-label]="'assessment.editor.removeTag' | translate: { tag }"
                >
                  <mat-icon svgIcon="close" aria-hidden="true" />
                </button>
              </mat-chip-row>
            }
            <input
              [matChipInputFor]="tagGrid"
              [attr.maxlength]="maxTagLength"
              [matChipInputSeparatorKeyCodes]="tagSeparators"
              (matChipInputTokenEnd)="addTag(m, $event)"
              data-testid="question-tag-input"
            />
          </mat-chip-grid>
          <mat-hint>{{ 'assessment.editor.tagsHint' | translate }}</mat-hint>
        </mat-form-field>

        @if (issues().length) {
          <div class="sba-issues" role="alert" data-testid="question-issues">
            <p class="sb-strong">{{ 'assessment.editor.fixFirst' | translate }}</p>
            <ul class="sb-error-list">
              @for (issue of issues(); track $index) {
                <li>
                  @if (issue.gap) {
                    {{ 'assessment.editor.inGap' | translate: { gap: issue.gap } }}
                  }
                  {{ issue.key | translate: issue.params }}
                </li>
              }
            </ul>
          </div>
        }
        <sb-problem-alert [problem]="problem()" />
        @if (problem()?.errors?.length) {
          <ul class="sb-error-list" data-testid="question-server-errors">
            @for (e of problem()?.errors ?? []; track $index) {
              <li>{{ e.path }}: {{ e.message }}</li>
            }
          </ul>
        }
        <div class="sb-actions">
          <button
            mat-flat-button
            type="button"
            (click)="save()"
            [disabled]="saving() || (bank() !== null && !bank()?.canEdit)"
            data-testid="question-save"
          >
            {{ 'assessment.editor.save' | translate }}
          </button>
          <a mat-button [routerLink]="['/penilaian/bank-soal', bankId()]">{{
            'common.cancel' | translate
          }}</a>
        </div>
        @if (saving()) {
          <mat-progress-bar
            mode="indeterminate"
            [attr.aria-label]="'assessment.editor.saving' | translate"
          />
        }
      </div>

      @if (detail(); as d) {
        <section class="sb-section" aria-labelledby="sba-versions-title">
          <h2 id="sba-versions-title">{{ 'assessment.editor.versions' | translate }}</h2>
          <ul class="sba-versions">
            @for (v of d.versions; track v.versionId) {
              <li>
                <span class="sb-strong">{{
                  'assessment.editor.version' | translate: { n: v.number }
                }}</span>
                · {{ v.createdAt | date: 'medium' }} ·
                {{ 'assessment.editor.usedInAttempts' | translate: { count: v.usedInAttempts } }}
              </li>
            }
          </ul>
        </section>
      }
    }
  `,
  styles: `
    .sba-editor {
      max-width: 960px;
    }
    .sba-part {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin-block: 8px;
    }
    .sba-radios {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
    }
    .sba-narrow {
      max-width: 320px;
    }
    .sba-version-note {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      max-width: 936px;
    }
    .sba-issues {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .sba-versions {
      padding-inline-start: 18px;
    }
  `,
})
export class QuestionEditorComponent {
  private readonly api = inject(AssessmentAuthoringApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  readonly bankId = input.required<string>();
  readonly questionId = input<string>();
  /** `?jenis=` for a new question. */
  readonly jenis = input<string>();
  /** `?kategori=` for a new question. */
  readonly kategori = input<string>();

  protected readonly types = QUESTION_TYPES;
  protected readonly formats = TEXT_FORMATS;
  protected readonly maxTagLength = MAX_TAG_LENGTH;
  protected readonly tagSeparators = [ENTER, COMMA] as const;

  protected readonly bank = signal<BankDetail | null>(null);
  protected readonly detail = signal<QuestionDetail | null>(null);
  protected readonly model = signal<QuestionEditorModel | null>(null);
  protected categoryId = '';
  protected readonly categories = computed(() => categoryRows(this.bank()?.categories ?? []));
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly issues = signal<EditorIssue[]>([]);
  protected readonly saving = signal(false);

  constructor() {
    effect(() => {
      const bankId = this.bankId();
      const questionId = this.questionId();
      untracked(() => this.load(bankId, questionId));
    });
  }

  private load(bankId: string, questionId: string | undefined): void {
    this.loading.set(true);
    this.loadProblem.set(null);
    forkJoin({
      bank: this.api.bank(bankId),
      question: questionId ? this.api.question(questionId) : of(null),
    }).subscribe({
      next: ({ bank, question }) => {
        this.bank.set(bank);
        this.detail.set(question);
        if (question) {
          this.model.set(modelFromDraft(question.draft, question.tags));
          this.categoryId = question.categoryId;
        } else {
          const type = this.jenis();
          this.model.set(emptyModel(isType(type) ? type : 'single-choice'));
          const wanted = this.kategori();
          this.categoryId =
            wanted && bank.categories.some((c) => c.id === wanted)
              ? wanted
              : (defaultCategoryId(bank.categories) ?? '');
        }
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loadProblem.set(toProblem(error));
        this.loading.set(false);
      },
    });
  }

  protected addTag(m: QuestionEditorModel, event: MatChipInputEvent): void {
    const tag = event.value.trim();
    if (tag && !m.tags.some((t) => t.toLocaleLowerCase('id') === tag.toLocaleLowerCase('id'))) {
      m.tags.push(tag);
    }
    event.chipInput.clear();
  }

  protected removeTag(m: QuestionEditorModel, tag: string): void {
    m.tags.splice(m.tags.indexOf(tag), 1);
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
    const issues = validateModel(m);
    if (!this.categoryId) {
      issues.unshift({ path: 'categoryId', key: 'assessment.editor.errors.categoryRequired' });
    }
    this.issues.set(issues);
    if (issues.length) {
      return;
    }
    const draft = buildDraft(m);
    const body = { categoryId: this.categoryId, draft: { ...draft }, tags: draft.tags ?? [] };
    const questionId = this.questionId();
    const before = this.detail()?.version ?? null;
    const call = questionId
      ? this.api.updateQuestion(questionId, body)
      : this.api.createQuestion(this.bankId(), body);
    sendRequest(call, { busy: this.saving, problem: this.problem }, (saved) => {
      this.detail.set(saved);
      const key =
        before !== null && saved.version > before
          ? 'assessment.editor.savedNewVersion'
          : 'assessment.editor.saved';
      this.notify(key, { n: saved.version });
      if (!questionId) {
        void this.router.navigate(['/penilaian/bank-soal', this.bankId(), 'soal', saved.id], {
          replaceUrl: true,
        });
      }
    });
  }

  private notify(key: string, params: Record<string, string | number>): void {
    this.snackBar.open(
      this.translate.instant(key, params) as string,
      this.translate.instant('common.close') as string,
      { duration: 6000 },
    );
  }
}
