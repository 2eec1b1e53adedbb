import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogModule,
  MatDialogRef,
} from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  type AuthoringCourseResponse,
  LESSON_TYPES,
  type LessonResponse,
  type LessonType,
  type ProblemDetails,
  type QuizView,
  type ScormPackageResponse,
  type StoredFileResponse,
} from '@siantar/contracts';
import {
  ProblemAlertComponent,
  applyProblemToForm,
  controlErrorMessage,
  toProblem,
} from '@siantar/web-core';
import { AssessmentAuthoringApi, openQuizSettingsDialog } from '@siantar/web-assessment';
import { SimulationLessonFieldComponent } from '@siantar/web-simulation';
import type { SimulationContent } from '@siantar/scenario';
import { marked } from 'marked';
import { catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { AuthoringApi } from '../api/authoring.api';
import { FileUploadComponent } from '../files/file-upload.component';
import { ScormUploadComponent } from '../scorm/scorm-upload.component';
import {
  EMPTY_LESSON_FORM,
  buildLessonContent,
  isPlaceholder,
  lessonFormValue,
  missingContent,
  simulationContentOf,
} from './lesson-content';

export interface LessonDialogData {
  courseId: string;
  moduleId: string;
  /** Present when editing. */
  lesson?: LessonResponse;
}

/** Add or edit a lesson: type, title, duration and the type's own content. */
@Component({
  selector: 'sb-lesson-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
    FileUploadComponent,
    ScormUploadComponent,
    SimulationLessonFieldComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>
      {{ (data.lesson ? 'authoring.lesson.editTitle' : 'authoring.lesson.addTitle') | translate }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="sb-form">
        <div class="sb-form-grid">
          <mat-form-field>
            <mat-label>{{ 'authoring.lesson.type' | translate }}</mat-label>
            <mat-select formControlName="type" required>
              @for (t of types; track t) {
                <mat-option [value]="t">{{ 'authoring.lessonType.' + t | translate }}</mat-option>
              }
            </mat-select>
            @if (data.lesson) {
              <mat-hint>{{ 'authoring.lesson.typeFixed' | translate }}</mat-hint>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'authoring.lesson.duration' | translate }}</mat-label>
            <input
              matInput
              type="number"
              inputmode="numeric"
              formControlName="durationMinutes"
              min="1"
              max="1440"
              required
            />
            <mat-hint>{{ 'authoring.lesson.durationHint' | translate }}</mat-hint>
            <mat-error>{{ errorOf('durationMinutes') }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{ 'authoring.lesson.title' | translate }}</mat-label>
          <input matInput formControlName="title" maxlength="200" required />
          <mat-error>{{ errorOf('title') }}</mat-error>
        </mat-form-field>

        <fieldset class="content" [formGroup]="form.controls.content">
          <legend>{{ 'authoring.lesson.content' | translate }}</legend>
          @switch (type()) {
            @case ('text') {
              <mat-radio-group
                formControlName="textFormat"
                class="radios"
                [attr.aria-label]="'authoring.lesson.text.format' | translate"
              >
                <mat-radio-button value="markdown">Markdown</mat-radio-button>
                <mat-radio-button value="html">HTML</mat-radio-button>
              </mat-radio-group>
              <mat-form-field>
                <mat-label>{{ 'authoring.lesson.text.source' | translate }}</mat-label>
                <textarea
                  matInput
                  formControlName="textSource"
                  rows="10"
                  class="sb-mono"
                ></textarea>
              </mat-form-field>
              <p class="sb-muted" id="sb-text-preview-note">
                {{ 'authoring.lesson.text.sanitizeNote' | translate }}
              </p>
              <section
                class="preview"
                aria-describedby="sb-text-preview-note"
                [attr.aria-label]="'authoring.lesson.text.preview' | translate"
              >
                <div [innerHTML]="previewHtml()"></div>
              </section>
            }
            @case ('video') {
              <mat-radio-group
                formControlName="videoSource"
                class="radios"
                [attr.aria-label]="'authoring.lesson.video.source' | translate"
              >
                <mat-radio-button value="upload">{{
                  'authoring.lesson.video.upload' | translate
                }}</mat-radio-button>
                <mat-radio-button value="url">{{
                  'authoring.lesson.video.url' | translate
                }}</mat-radio-button>
              </mat-radio-group>
              @if (videoSource() === 'upload') {
                <sb-file-upload
                  purpose="video"
                  label="authoring.lesson.video.file"
                  hint="authoring.lesson.video.fileHint"
                  accept="video/mp4,video/webm"
                  (uploaded)="onUploaded('videoFileId', $event)"
                />
                @if (contentValue().videoFileId; as id) {
                  <p class="sb-muted">{{ 'authoring.lesson.fileAttached' | translate: { id } }}</p>
                }
              } @else {
                <mat-form-field>
                  <mat-label>{{ 'authoring.lesson.video.urlLabel' | translate }}</mat-label>
                  <input matInput type="url" formControlName="videoUrl" />
                  <mat-hint>{{ 'authoring.lesson.video.urlHint' | translate }}</mat-hint>
                </mat-form-field>
              }
              <mat-form-field>
                <mat-label>{{ 'authoring.lesson.video.completion' | translate }}</mat-label>
                <input
                  matInput
                  type="number"
                  inputmode="numeric"
                  min="50"
                  max="100"
                  formControlName="videoCompletionPercent"
                />
                <span matTextSuffix>%</span>
                <mat-hint>{{ 'authoring.lesson.video.completionHint' | translate }}</mat-hint>
              </mat-form-field>
            }
            @case ('document') {
              <sb-file-upload
                purpose="document"
                label="authoring.lesson.document.file"
                hint="authoring.lesson.document.fileHint"
                accept="application/pdf,.pdf"
                (uploaded)="onUploaded('documentFileId', $event)"
              />
              @if (contentValue().documentFileId; as id) {
                <p class="sb-muted">{{ 'authoring.lesson.fileAttached' | translate: { id } }}</p>
              }
            }
            @case ('link') {
              <mat-form-field>
                <mat-label>{{ 'authoring.lesson.link.url' | translate }}</mat-label>
                <input matInput type="url" formControlName="linkUrl" />
                <mat-hint>{{ 'authoring.lesson.link.hint' | translate }}</mat-hint>
              </mat-form-field>
            }
            @case ('scorm') {
              <sb-scorm-upload (ready)="onScormReady($event)" />
              @if (contentValue().scormPackageId; as id) {
                <p class="sb-muted">
                  {{ 'authoring.lesson.scormAttached' | translate: { id } }}
                </p>
              }
            }
            @case ('quiz') {
              <mat-form-field>
                <mat-label>{{ 'authoring.lesson.quiz.choose' | translate }}</mat-label>
                <mat-select formControlName="quizId" data-testid="lesson-quiz-select">
                  @for (q of quizzes(); track q.id) {
                    <mat-option [value]="q.id">{{ q.title }}</mat-option>
                  }
                </mat-select>
                <mat-hint>{{
                  (quizzesLoading()
                    ? 'common.loading'
                    : quizzes().length
                      ? 'authoring.lesson.quiz.hint'
                      : 'authoring.lesson.quiz.none'
                  ) | translate
                }}</mat-hint>
              </mat-form-field>
              <div class="radios">
                <button
                  mat-stroked-button
                  type="button"
                  (click)="createQuiz()"
                  data-testid="lesson-quiz-create"
                >
                  {{ 'authoring.lesson.quiz.create' | translate }}
                </button>
                <button
                  mat-stroked-button
                  type="button"
                  (click)="editQuiz()"
                  [disabled]="!contentValue().quizId"
                  data-testid="lesson-quiz-settings"
                >
                  {{ 'authoring.lesson.quiz.settings' | translate }}
                </button>
              </div>
              <p class="sb-muted">{{ 'authoring.lesson.quiz.note' | translate }}</p>
            }
            @case ('simulation') {
              <sb-simulation-lesson-field
                [(content)]="simulation"
                [lessonTitle]="form.controls.title.value"
              />
            }
            @default {
              <p class="soon" role="note">{{ 'authoring.lesson.comingSoon' | translate }}</p>
            }
          }
        </fieldset>
        @if (missing(); as key) {
          <p class="sb-error-text" role="alert">{{ key | translate }}</p>
        }
        <sb-problem-alert [problem]="problem()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ 'authoring.lesson.save' | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .content {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px 12px;
      margin: 0;
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    legend {
      font: var(--mat-sys-title-small);
      padding-inline: 4px;
    }
    .radios {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
    }
    .preview {
      border: 1px dashed var(--mat-sys-outline);
      border-radius: 8px;
      padding: 8px 12px;
      max-height: 240px;
      overflow: auto;
      overflow-wrap: anywhere;
    }
    .soon {
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
  `,
})
export class LessonDialogComponent {
  protected readonly data = inject<LessonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<LessonDialogComponent, AuthoringCourseResponse>);
  private readonly api = inject(AuthoringApi);
  private readonly translate = inject(TranslateService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly types = LESSON_TYPES;
  private readonly initial = this.data.lesson
    ? lessonFormValue(this.data.lesson)
    : EMPTY_LESSON_FORM;

  protected readonly form = this.fb.group({
    type: this.fb.control<LessonType>(this.data.lesson?.type ?? 'text', Validators.required),
    title: [this.data.lesson?.title ?? '', [Validators.required, Validators.maxLength(200)]],
    durationMinutes: [
      this.data.lesson?.durationMinutes ?? 15,
      [Validators.required, Validators.min(1), Validators.max(1440)],
    ],
    content: this.fb.group({
      textFormat: this.fb.control(this.initial.textFormat),
      textSource: [this.initial.textSource],
      videoSource: this.fb.control(this.initial.videoSource),
      videoFileId: [this.initial.videoFileId],
      videoUrl: [this.initial.videoUrl],
      videoCompletionPercent: [
        this.initial.videoCompletionPercent,
        [Validators.min(50), Validators.max(100)],
      ],
      documentFileId: [this.initial.documentFileId],
      linkUrl: [this.initial.linkUrl],
      scormPackageId: [this.initial.scormPackageId],
      quizId: [this.initial.quizId],
    }),
  });

  protected readonly type = toSignal(this.form.controls.type.valueChanges, {
    initialValue: this.form.controls.type.value,
  });
  protected readonly contentValue = toSignal(this.form.controls.content.valueChanges, {
    initialValue: this.form.controls.content.getRawValue(),
  });
  protected readonly videoSource = computed(() => this.contentValue().videoSource);
  /** Rendered locally for the preview; Angular's [innerHTML] sanitising applies, the server sanitises again. */
  protected readonly previewHtml = computed(() => {
    const v = this.contentValue();
    const source = v.textSource ?? '';
    return v.textFormat === 'html' ? source : (marked.parse(source, { async: false }) as string);
  });
  /** A simulation lesson's scenario, edited in the scenario editor (null: the server's starter). */
  protected readonly simulation = signal<SimulationContent | null>(
    simulationContentOf(this.data.lesson),
  );
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly missing = signal<string | null>(null);

  private readonly dialog = inject(MatDialog);
  private readonly assessmentApi = inject(AssessmentAuthoringApi);
  private readonly destroyRef = inject(DestroyRef);
  /** The course's quizzes (those its quiz lessons point at, plus any made here). */
  protected readonly quizzes = signal<{ id: string; title: string }[]>([]);
  protected readonly quizzesLoading = signal(false);
  private quizzesRequested = false;

  constructor() {
    if (this.data.lesson) {
      this.form.controls.type.disable();
    }
    effect(() => {
      if (this.type() === 'quiz' && !this.quizzesRequested) {
        this.quizzesRequested = true;
        untracked(() => this.loadQuizzes());
      }
    });
  }

  /**
   * The API has no list of a course's quizzes: they are found through the course's quiz
   * lessons, and each one's title read from GET /quizzes/:id.
   */
  private loadQuizzes(): void {
    this.quizzesLoading.set(true);
    const current = this.form.controls.content.controls.quizId.value;
    this.api
      .get(this.data.courseId)
      .pipe(
        map((course) => {
          const refs = new Map<string, string>();
          for (const mod of course.working.modules) {
            for (const lesson of mod.lessons) {
              const id = lesson.type === 'quiz' ? lesson.content['quizId'] : undefined;
              if (typeof id === 'string' && id && !refs.has(id)) {
                refs.set(id, lesson.title);
              }
            }
          }
          if (current && !refs.has(current)) {
            refs.set(current, this.data.lesson?.title ?? current);
          }
          return [...refs];
        }),
        catchError(() => of(current ? [[current, this.data.lesson?.title ?? current]] : [])),
        switchMap((refs) =>
          refs.length
            ? forkJoin(
                refs.map(([id, fallback]) =>
                  this.assessmentApi.quiz(id ?? '').pipe(
                    map((q) => ({ id: q.id, title: q.title })),
                    catchError(() => of({ id: id ?? '', title: fallback ?? '' })),
                  ),
                ),
              )
            : of([]),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((list) => {
        this.quizzes.update((known) => [
          ...list,
          ...known.filter((k) => !list.some((q) => q.id === k.id)),
        ]);
        this.quizzesLoading.set(false);
      });
  }

  private rememberQuiz(quiz: QuizView): void {
    this.quizzes.update((list) => [
      ...list.filter((q) => q.id !== quiz.id),
      { id: quiz.id, title: quiz.title },
    ]);
  }

  /** Creates a quiz in this course (settings dialog, POST /quizzes) and picks it. */
  protected createQuiz(): void {
    openQuizSettingsDialog(this.dialog, {
      courseId: this.data.courseId,
      suggestedTitle: this.form.controls.title.value.trim(),
    }).subscribe((quiz) => {
      if (quiz) {
        this.rememberQuiz(quiz);
        this.form.controls.content.controls.quizId.setValue(quiz.id);
        this.missing.set(null);
        if (!this.form.controls.title.value.trim()) {
          this.form.controls.title.setValue(quiz.title);
        }
      }
    });
  }

  /** Opens the chosen quiz's settings (questions, time, attempts, review…). */
  protected editQuiz(): void {
    const quizId = this.form.controls.content.controls.quizId.value;
    if (!quizId) {
      return;
    }
    openQuizSettingsDialog(this.dialog, { courseId: this.data.courseId, quizId }).subscribe(
      (quiz) => {
        if (quiz) {
          this.rememberQuiz(quiz);
        }
      },
    );
  }

  protected errorOf(name: 'title' | 'durationMinutes'): string {
    return controlErrorMessage(this.form.controls[name], this.translate);
  }

  protected onUploaded(field: 'videoFileId' | 'documentFileId', file: StoredFileResponse): void {
    this.form.controls.content.controls[field].setValue(file.id);
    this.missing.set(null);
  }

  protected onScormReady(pkg: ScormPackageResponse): void {
    this.form.controls.content.controls.scormPackageId.setValue(pkg.id);
    this.missing.set(null);
    if (!this.form.controls.title.value && pkg.title) {
      this.form.controls.title.setValue(pkg.title);
    }
  }

  protected submit(): void {
    const v = this.form.getRawValue();
    const missing = missingContent(v.type, v.content);
    this.missing.set(missing);
    if (this.form.invalid || missing) {
      this.form.markAllAsTouched();
      return;
    }
    const common = {
      title: v.title.trim(),
      durationMinutes: Number(v.durationMinutes),
      content: buildLessonContent(v.type, v.content, this.simulation()),
    };
    const call = this.data.lesson
      ? this.api.updateLesson(this.data.courseId, this.data.lesson.id, common)
      : this.api.addLesson(this.data.courseId, this.data.moduleId, { type: v.type, ...common });
    this.busy.set(true);
    this.problem.set(null);
    call.subscribe({
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

  /** Placeholders (live session) carry no content yet. */
  protected readonly placeholder = computed(() => isPlaceholder(this.type()));
}
