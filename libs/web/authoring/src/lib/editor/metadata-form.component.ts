import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { type MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  type AuthoringCourseResponse,
  type CompletionRules,
  COMPETENCY_TYPES,
  type CompetencyType,
  type CourseVersionResponse,
  DELIVERY_MODES,
  type DeliveryMode,
  LANGUAGES,
  type Language,
  PNS_RANKS,
  PPPK_GRADES,
  type ProblemDetails,
  type StoredFileResponse,
  type UpdateCourseDraftRequest,
} from '@siantar/contracts';
import {
  OrgUnitsApi,
  ProblemAlertComponent,
  applyProblemToForm,
  controlErrorMessage,
  toProblem,
} from '@siantar/web-core';
import { type OrgUnitNode, flattenOrgUnits } from '@siantar/web-identity';
import { AuthoringApi } from '../api/authoring.api';
import { FileUploadComponent } from '../files/file-upload.component';
import {
  CompletionRulesComponent,
  completionRulesOf,
  completionRulesToSave,
} from './completion-rules.component';
import {
  REMINDER_DAYS_ERROR,
  formatReminderDays,
  parseReminderDays,
  reminderDaysValidator,
} from './metadata-form-reminders';

/** A date picked in the form → ISO 8601; the end of the day for closing dates and deadlines. */
export function toIsoDate(date: Date | null, endOfDay = false): string | null {
  if (!date || Number.isNaN(date.getTime())) {
    return null;
  }
  const d = new Date(date);
  if (endOfDay) {
    d.setHours(23, 59, 59, 0);
  } else {
    d.setHours(0, 0, 0, 0);
  }
  return d.toISOString();
}

const toDate = (iso: string | null): Date | null => (iso ? new Date(iso) : null);

/** The course metadata of the working version, saved with PATCH …/draft. */
@Component({
  selector: 'sb-metadata-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatChipsModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslatePipe,
    ProblemAlertComponent,
    FileUploadComponent,
    CompletionRulesComponent,
  ],
  providers: [provideNativeDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate class="sb-form">
      <div class="sb-form-grid">
        <mat-form-field class="sb-form-wide">
          <mat-label>{{ 'authoring.course.title' | translate }}</mat-label>
          <input matInput formControlName="title" maxlength="200" required />
          <mat-error>{{ errorOf('title') }}</mat-error>
        </mat-form-field>
        <mat-form-field class="sb-form-wide">
          <mat-label>{{ 'authoring.course.summary' | translate }}</mat-label>
          <textarea matInput formControlName="summary" rows="4" maxlength="2000"></textarea>
          <mat-hint align="end">{{ form.controls.summary.value.length }} / 2000</mat-hint>
          <mat-error>{{ errorOf('summary') }}</mat-error>
        </mat-form-field>

        <div class="sb-form-wide cover">
          @if (coverPreview(); as src) {
            <img
              [src]="src"
              [alt]="'authoring.course.coverPreview' | translate"
              class="cover-img"
            />
          } @else if (form.controls.coverFileId.value) {
            <p class="sb-muted">{{ 'authoring.course.coverAttached' | translate }}</p>
          }
          <sb-file-upload
            purpose="cover"
            label="authoring.course.cover"
            hint="authoring.course.coverHint"
            accept="image/png,image/jpeg,image/webp"
            [disabled]="readOnly()"
            (picked)="onCoverPicked($event)"
            (uploaded)="onCoverUploaded($event)"
          />
        </div>

        <mat-form-field>
          <mat-label>{{ 'authoring.course.competencyType' | translate }}</mat-label>
          <mat-select formControlName="competencyType">
            @for (t of competencyTypes; track t) {
              <mat-option [value]="t">{{ 'authoring.competency.' + t | translate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'authoring.course.deliveryMode' | translate }}</mat-label>
          <mat-select formControlName="deliveryMode">
            @for (m of deliveryModes; track m) {
              <mat-option [value]="m">{{ 'authoring.delivery.' + m | translate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <div class="jp">
          <mat-form-field>
            <mat-label>{{ 'authoring.course.jp' | translate }}</mat-label>
            <input
              matInput
              type="number"
              inputmode="decimal"
              step="0.5"
              min="0"
              max="200"
              formControlName="jp"
            />
            <mat-hint>{{ 'authoring.course.jpHint' | translate }}</mat-hint>
            <mat-error>{{ errorOf('jp') }}</mat-error>
          </mat-form-field>
          <button
            mat-stroked-button
            type="button"
            [disabled]="readOnly()"
            (click)="useSuggestedJp()"
            [attr.aria-label]="
              'authoring.course.useSuggestionLabel' | translate: { jp: suggestedJp() }
            "
          >
            {{ 'authoring.course.useSuggestion' | translate: { jp: suggestedJp() } }}
          </button>
        </div>
        <mat-form-field>
          <mat-label>{{ 'authoring.course.language' | translate }}</mat-label>
          <mat-select formControlName="language">
            @for (lang of languages; track lang) {
              <mat-option [value]="lang">{{ 'language.name.' + lang | translate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>

        <mat-form-field class="sb-form-wide">
          <mat-label>{{ 'authoring.course.targetOrgUnits' | translate }}</mat-label>
          <mat-select formControlName="targetOrgUnitIds" multiple>
            @for (node of orgUnits(); track node.unit.id) {
              <mat-option [value]="node.unit.id">
                <span [style.padding-inline-start.px]="node.depth * 12">{{ node.unit.name }}</span>
              </mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'authoring.course.targetOrgUnitsHint' | translate }}</mat-hint>
        </mat-form-field>

        <mat-form-field class="sb-form-wide">
          <mat-label>{{ 'authoring.course.targetPositions' | translate }}</mat-label>
          <mat-chip-grid #positionGrid [disabled]="readOnly()">
            @for (p of form.controls.targetPositions.value; track p) {
              <mat-chip-row
                (removed)="removePosition(p)"
                [removable]="!readOnly()"
                [attr.aria-description]="'authoring.course.chipRemoveHint' | translate"
              >
                {{ p }}
                <button
                  matChipRemove
                  [attr.aria-label]="'authoring.course.remove' | translate: { item: p }"
                >
                  <mat-icon svgIcon="close" />
                </button>
              </mat-chip-row>
            }
            <input
              [matChipInputFor]="positionGrid"
              [matChipInputSeparatorKeyCodes]="separators"
              (matChipInputTokenEnd)="addPosition($event)"
              [placeholder]="'authoring.course.targetPositionsPlaceholder' | translate"
            />
          </mat-chip-grid>
          <mat-hint>{{ 'authoring.course.targetPositionsHint' | translate }}</mat-hint>
        </mat-form-field>

        <mat-form-field class="sb-form-wide">
          <mat-label>{{ 'authoring.course.targetRanks' | translate }}</mat-label>
          <mat-select formControlName="targetRanks" multiple>
            <mat-optgroup [label]="'authoring.course.pnsRanks' | translate">
              @for (r of pnsRanks; track r) {
                <mat-option [value]="r">{{ r }}</mat-option>
              }
            </mat-optgroup>
            <mat-optgroup [label]="'authoring.course.pppkGrades' | translate">
              @for (r of pppkGrades; track r) {
                <mat-option [value]="r">{{ r }}</mat-option>
              }
            </mat-optgroup>
          </mat-select>
          <mat-hint>{{ 'authoring.course.targetRanksHint' | translate }}</mat-hint>
        </mat-form-field>
        @if (form.controls.targetRanks.value.length) {
          <mat-chip-set
            class="sb-form-wide"
            [attr.aria-label]="'authoring.course.targetRanks' | translate"
          >
            @for (r of form.controls.targetRanks.value; track r) {
              <mat-chip>{{ r }}</mat-chip>
            }
          </mat-chip-set>
        }

        <mat-form-field class="sb-form-wide">
          <mat-label>{{ 'authoring.course.prerequisites' | translate }}</mat-label>
          <mat-select formControlName="prerequisiteCourseIds" multiple>
            @for (c of prerequisiteOptions(); track c.id) {
              <mat-option [value]="c.id">{{ c.label }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'authoring.course.prerequisitesHint' | translate }}</mat-hint>
        </mat-form-field>

        <mat-form-field>
          <mat-label>{{ 'authoring.course.enrolOpensAt' | translate }}</mat-label>
          <input matInput [matDatepicker]="opens" formControlName="enrolOpensAt" />
          <mat-datepicker-toggle matIconSuffix [for]="opens" />
          <mat-datepicker #opens />
          <mat-hint>{{ 'authoring.course.dateHint' | translate }}</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'authoring.course.enrolClosesAt' | translate }}</mat-label>
          <input matInput [matDatepicker]="closes" formControlName="enrolClosesAt" />
          <mat-datepicker-toggle matIconSuffix [for]="closes" />
          <mat-datepicker #closes />
          <mat-hint>{{ 'authoring.course.dateHint' | translate }}</mat-hint>
          <mat-error>{{ errorOf('enrolClosesAt') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'authoring.course.completionDeadline' | translate }}</mat-label>
          <input matInput [matDatepicker]="deadline" formControlName="completionDeadline" />
          <mat-datepicker-toggle matIconSuffix [for]="deadline" />
          <mat-datepicker #deadline />
          <mat-hint>{{ 'authoring.course.dateHint' | translate }}</mat-hint>
          <mat-error>{{ errorOf('completionDeadline') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'authoring.course.reminderDays' | translate }}</mat-label>
          <input
            matInput
            formControlName="reminderDays"
            inputmode="numeric"
            autocomplete="off"
            [placeholder]="'authoring.course.reminderDaysPlaceholder' | translate"
            data-testid="reminder-days"
          />
          <mat-hint>{{ 'authoring.course.reminderDaysHint' | translate }}</mat-hint>
          <mat-error>{{ reminderDaysError() }}</mat-error>
        </mat-form-field>

        <div class="sb-form-wide toggles">
          <mat-slide-toggle formControlName="selfEnrol">{{
            'authoring.course.selfEnrol' | translate
          }}</mat-slide-toggle>
          <mat-slide-toggle formControlName="sequential">{{
            'authoring.course.sequential' | translate
          }}</mat-slide-toggle>
        </div>
      </div>
      <sb-completion-rules
        [group]="form.controls.completionRules"
        [modules]="course().working.modules"
        [hasDeadline]="!!form.controls.completionDeadline.value"
        [readOnly]="readOnly()"
      />
      <sb-problem-alert [problem]="problem()" />
      @if (!readOnly()) {
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ 'authoring.course.save' | translate }}
        </button>
      }
    </form>
  `,
  styles: `
    .cover {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      align-items: flex-start;
      margin-bottom: 16px;
    }
    .cover-img {
      width: 240px;
      max-width: 100%;
      aspect-ratio: 16 / 9;
      object-fit: cover;
      border-radius: 8px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .jp {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: flex-start;
      mat-form-field {
        flex: 1 1 120px;
      }
      button {
        margin-top: 8px;
      }
    }
    .toggles {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin-block: 8px 16px;
    }
  `,
})
export class MetadataFormComponent {
  private readonly api = inject(AuthoringApi);
  private readonly orgUnitsApi = inject(OrgUnitsApi);
  private readonly translate = inject(TranslateService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly course = input.required<AuthoringCourseResponse>();
  readonly saved = output<AuthoringCourseResponse>();

  protected readonly competencyTypes = COMPETENCY_TYPES;
  protected readonly deliveryModes = DELIVERY_MODES;
  protected readonly languages = LANGUAGES;
  protected readonly pnsRanks = PNS_RANKS;
  protected readonly pppkGrades = PPPK_GRADES;
  protected readonly separators = [13, 188] as const;

  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
    summary: ['', Validators.maxLength(2000)],
    coverFileId: this.fb.control<string | null>(null),
    competencyType: this.fb.control<CompetencyType>('teknis'),
    deliveryMode: this.fb.control<DeliveryMode>('self-paced'),
    jp: [0, [Validators.min(0), Validators.max(200)]],
    targetOrgUnitIds: this.fb.control<string[]>([]),
    targetPositions: this.fb.control<string[]>([]),
    targetRanks: this.fb.control<string[]>([]),
    prerequisiteCourseIds: this.fb.control<string[]>([]),
    enrolOpensAt: this.fb.control<Date | null>(null),
    enrolClosesAt: this.fb.control<Date | null>(null),
    completionDeadline: this.fb.control<Date | null>(null),
    /** Days before each learner's deadline, as typed: "7, 1". */
    reminderDays: ['', reminderDaysValidator],
    language: this.fb.control<Language>('id'),
    selfEnrol: [true],
    sequential: [false],
    completionRules: this.fb.group({
      lessons: this.fb.control<CompletionRules['lessons']>('all'),
      lessonKeys: this.fb.control<string[]>([]),
      quizzes: [true],
      attendance: [true],
      survey: [false],
      deadline: [false],
    }),
  });

  protected readonly readOnly = computed(() => !this.course().can.edit);
  private readonly lessonKeys = computed(() =>
    this.course().working.modules.flatMap((m) => m.lessons.map((l) => l.key)),
  );
  protected readonly suggestedJp = computed(() => this.course().working.suggestedJp);
  protected readonly orgUnits = signal<OrgUnitNode[]>([]);
  private readonly published = signal<{ id: string; label: string }[]>([]);
  protected readonly prerequisiteOptions = computed(() => {
    const own = this.course().courseId;
    const options = this.published().filter((c) => c.id !== own);
    const known = new Set(options.map((c) => c.id));
    // Prerequisites not in the catalogue page still show, by id.
    const extra = this.course()
      .working.prerequisiteCourseIds.filter((id) => !known.has(id))
      .map((id) => ({ id, label: id }));
    return [...options, ...extra];
  });
  protected readonly coverPreview = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** The form is refilled when another version or status comes in, not on outline edits. */
  private loadedKey = '';

  constructor() {
    effect(() => {
      const course = this.course();
      const key = `${course.working.id}:${course.working.status}:${course.can.edit}`;
      if (key !== this.loadedKey) {
        this.loadedKey = key;
        untracked(() => this.fill(course.working, course.can.edit));
      }
    });
    this.orgUnitsApi.list().subscribe({
      next: (units) => this.orgUnits.set(flattenOrgUnits(units)),
      error: () => this.orgUnits.set([]),
    });
    this.api.publishedCourses().subscribe({
      next: (page) =>
        this.published.set(
          page.items.map((c) => ({ id: c.courseId, label: `${c.code} — ${c.title}` })),
        ),
      error: () => this.published.set([]),
    });
    inject(DestroyRef).onDestroy(() => this.revokePreview());
  }

  private fill(v: CourseVersionResponse, editable: boolean): void {
    this.form.reset({
      title: v.title,
      summary: v.summary ?? '',
      coverFileId: v.coverFileId,
      competencyType: v.competencyType,
      deliveryMode: v.deliveryMode,
      jp: v.jp,
      targetOrgUnitIds: v.targetOrgUnitIds,
      targetPositions: v.targetPositions,
      targetRanks: v.targetRanks,
      prerequisiteCourseIds: v.prerequisiteCourseIds,
      enrolOpensAt: toDate(v.enrolOpensAt),
      enrolClosesAt: toDate(v.enrolClosesAt),
      completionDeadline: toDate(v.completionDeadline),
      reminderDays: formatReminderDays(v.reminderDays),
      language: v.language,
      selfEnrol: v.selfEnrol,
      sequential: v.sequential,
      completionRules: completionRulesOf(v),
    });
    if (editable) {
      this.form.enable();
    } else {
      this.form.disable();
    }
  }

  protected errorOf(name: keyof typeof this.form.controls): string {
    return controlErrorMessage(this.form.controls[name], this.translate);
  }

  /** The reminder field's own messages, or the api's. */
  protected reminderDaysError(): string {
    const control = this.form.controls.reminderDays;
    const problem = control.errors?.[REMINDER_DAYS_ERROR] as string | undefined;
    return problem
      ? (this.translate.instant(`authoring.course.reminderDaysError.${problem}`) as string)
      : controlErrorMessage(control, this.translate);
  }

  protected useSuggestedJp(): void {
    this.form.controls.jp.setValue(this.suggestedJp());
    this.form.controls.jp.markAsDirty();
  }

  protected addPosition(event: MatChipInputEvent): void {
    const value = event.value.trim();
    const current = this.form.controls.targetPositions.value;
    if (value && !current.includes(value)) {
      this.form.controls.targetPositions.setValue([...current, value]);
    }
    event.chipInput.clear();
  }

  protected removePosition(position: string): void {
    this.form.controls.targetPositions.setValue(
      this.form.controls.targetPositions.value.filter((p) => p !== position),
    );
  }

  protected onCoverPicked(file: File): void {
    this.revokePreview();
    this.coverPreview.set(URL.createObjectURL(file));
  }

  protected onCoverUploaded(file: StoredFileResponse): void {
    this.form.controls.coverFileId.setValue(file.id);
  }

  private revokePreview(): void {
    const url = this.coverPreview();
    if (url) {
      URL.revokeObjectURL(url);
    }
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const reminders = parseReminderDays(v.reminderDays);
    if (!reminders.ok) {
      return;
    }
    const rules = v.completionRules;
    if (rules.lessons === 'selected' && !rules.lessonKeys.length && this.lessonKeys().length) {
      return;
    }
    const body: UpdateCourseDraftRequest & { completionRules?: CompletionRules } = {
      title: v.title.trim(),
      summary: v.summary.trim(),
      competencyType: v.competencyType,
      deliveryMode: v.deliveryMode,
      jp: Math.round(Number(v.jp) * 10) / 10,
      targetOrgUnitIds: v.targetOrgUnitIds,
      targetPositions: v.targetPositions,
      targetRanks: v.targetRanks,
      prerequisiteCourseIds: v.prerequisiteCourseIds,
      enrolOpensAt: toIsoDate(v.enrolOpensAt),
      enrolClosesAt: toIsoDate(v.enrolClosesAt, true),
      completionDeadline: toIsoDate(v.completionDeadline, true),
      reminderDays: reminders.days,
      language: v.language,
      selfEnrol: v.selfEnrol,
      sequential: v.sequential,
      completionRules: completionRulesToSave(rules, this.lessonKeys(), !!v.completionDeadline),
    };
    if (v.coverFileId) {
      body.coverFileId = v.coverFileId;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.api.updateDraft(this.course().courseId, body).subscribe({
      next: (course) => {
        this.busy.set(false);
        this.loadedKey = '';
        this.saved.emit(course);
        this.snackBar.open(
          this.translate.instant('authoring.course.saved') as string,
          this.translate.instant('common.close') as string,
          { duration: 4000 },
        );
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
