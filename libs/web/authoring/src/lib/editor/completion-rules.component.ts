import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type FormControl, type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatRadioModule } from '@angular/material/radio';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslatePipe } from '@ngx-translate/core';
import {
  type CompletionRules,
  type CourseVersionResponse,
  DEFAULT_COMPLETION_RULES,
} from '@siantar/contracts';

export type CompletionRulesForm = FormGroup<{
  lessons: FormControl<CompletionRules['lessons']>;
  lessonKeys: FormControl<string[]>;
  quizzes: FormControl<boolean>;
  attendance: FormControl<boolean>;
  survey: FormControl<boolean>;
  deadline: FormControl<boolean>;
}>;

/** Lesson types that are criteria of their own (quizzes, attendance), never "required lessons". */
const OWN_CRITERION_TYPES = new Set(['quiz', 'live-session']);

/** The version's rules (drafts made before the completion issue carry none: the defaults). */
export function completionRulesOf(version: CourseVersionResponse): CompletionRules {
  const rules = (version as Partial<{ completionRules: CompletionRules }>).completionRules;
  return { ...DEFAULT_COMPLETION_RULES, ...(rules ?? {}) };
}

/**
 * The rules as sent on save: lesson keys only with `selected` (and only keys of this draft),
 * the deadline rule only when the course has a completion deadline.
 */
export function completionRulesToSave(
  value: CompletionRules,
  lessonKeys: readonly string[],
  hasDeadline: boolean,
): CompletionRules {
  const known = new Set(lessonKeys);
  return {
    lessons: value.lessons,
    lessonKeys: value.lessons === 'selected' ? value.lessonKeys.filter((k) => known.has(k)) : [],
    quizzes: value.quizzes,
    attendance: value.attendance,
    survey: value.survey,
    deadline: hasDeadline && value.deadline,
  };
}

/** The lessons that can be required, by module. */
export function requirableLessons(
  modules: CourseVersionResponse['modules'],
): { module: string; lessons: { key: string; title: string }[] }[] {
  return modules
    .map((m) => ({
      module: m.title,
      lessons: m.lessons
        .filter((l) => !OWN_CRITERION_TYPES.has(l.type))
        .map((l) => ({ key: l.key, title: l.title })),
    }))
    .filter((m) => m.lessons.length > 0);
}

/** "Aturan kelulusan": what completes an enrolment in this version. */
@Component({
  selector: 'sb-completion-rules',
  imports: [
    ReactiveFormsModule,
    MatCheckboxModule,
    MatRadioModule,
    MatSlideToggleModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset [formGroup]="group()" class="rules" data-testid="completion-rules">
      <legend>{{ 'progress.rules.title' | translate }}</legend>
      <p class="sb-muted">{{ 'progress.rules.intro' | translate }}</p>

      <div class="block">
        <span class="label" id="sb-rules-lessons">{{ 'progress.rules.lessons' | translate }}</span>
        <mat-radio-group
          formControlName="lessons"
          aria-labelledby="sb-rules-lessons"
          class="radios"
        >
          <mat-radio-button value="all">{{
            'progress.rules.lessonsAll' | translate
          }}</mat-radio-button>
          <mat-radio-button value="selected">{{
            'progress.rules.lessonsSelected' | translate
          }}</mat-radio-button>
          <mat-radio-button value="none">{{
            'progress.rules.lessonsNone' | translate
          }}</mat-radio-button>
        </mat-radio-group>
      </div>

      @if (group().controls.lessons.value === 'selected') {
        <fieldset class="keys" data-testid="rules-lesson-keys">
          <legend>{{ 'progress.rules.lessonKeys' | translate }}</legend>
          @for (m of lessonGroups(); track $index) {
            <div class="module">
              <span class="sb-muted">{{ m.module }}</span>
              @for (l of m.lessons; track l.key) {
                <mat-checkbox
                  [checked]="group().controls.lessonKeys.value.includes(l.key)"
                  [disabled]="readOnly()"
                  (change)="toggleKey(l.key, $event.checked)"
                  >{{ l.title }}</mat-checkbox
                >
              }
            </div>
          } @empty {
            <p class="sb-muted">{{ 'progress.rules.noLessons' | translate }}</p>
          }
          @if (!group().controls.lessonKeys.value.length && lessonGroups().length) {
            <p class="sb-error-text" role="alert">{{ 'progress.rules.selectOne' | translate }}</p>
          }
        </fieldset>
      }

      <div class="toggles">
        <mat-slide-toggle formControlName="quizzes">{{
          'progress.rules.quizzes' | translate
        }}</mat-slide-toggle>
        <mat-slide-toggle formControlName="attendance">{{
          'progress.rules.attendance' | translate
        }}</mat-slide-toggle>
        <mat-slide-toggle formControlName="survey">{{
          'progress.rules.survey' | translate
        }}</mat-slide-toggle>
        <div>
          <mat-slide-toggle
            [checked]="hasDeadline() && group().controls.deadline.value"
            [disabled]="readOnly() || !hasDeadline()"
            (change)="setDeadline($event.checked)"
            aria-describedby="sb-rules-deadline-hint"
            >{{ 'progress.rules.deadline' | translate }}</mat-slide-toggle
          >
          @if (!hasDeadline()) {
            <span class="sb-muted hint" id="sb-rules-deadline-hint">{{
              'progress.rules.deadlineDisabled' | translate
            }}</span>
          }
        </div>
      </div>
    </fieldset>
  `,
  styles: `
    .rules {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      margin: 8px 0 16px;
    }
    legend {
      font: var(--mat-sys-title-medium);
      padding: 0 4px;
    }
    .block {
      margin-bottom: 8px;
    }
    .label {
      font: var(--mat-sys-label-large);
    }
    .radios {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
    .keys {
      border: 0;
      padding: 0;
      margin: 0 0 12px;
      legend {
        font: var(--mat-sys-label-large);
        padding: 0;
      }
    }
    .module {
      display: flex;
      flex-direction: column;
      margin-top: 4px;
    }
    .toggles {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .hint {
      display: block;
      font: var(--mat-sys-body-small);
      margin-inline-start: 52px;
    }
  `,
})
export class CompletionRulesComponent {
  readonly group = input.required<CompletionRulesForm>();
  readonly modules = input.required<CourseVersionResponse['modules']>();
  readonly hasDeadline = input(false);
  readonly readOnly = input(false);

  protected readonly lessonGroups = computed(() => requirableLessons(this.modules()));

  protected toggleKey(key: string, checked: boolean): void {
    const control = this.group().controls.lessonKeys;
    const keys = control.value.filter((k) => k !== key);
    control.setValue(checked ? [...keys, key] : keys);
    control.markAsDirty();
  }

  protected setDeadline(checked: boolean): void {
    const control = this.group().controls.deadline;
    control.setValue(checked);
    control.markAsDirty();
  }
}
