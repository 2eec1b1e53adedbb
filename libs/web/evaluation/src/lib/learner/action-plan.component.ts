import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import {
  type FormArray,
  type FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  type FormControl,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  ACTION_PLAN_MAX_ITEMS,
  type ActionPlanItem,
  type ActionPlanResponse,
  type ProblemDetails,
} from '@siantar/contracts';
import {
  ProblemAlertComponent,
  SERVER_ERROR,
  controlErrorMessage,
  sendRequest,
  toProblem,
} from '@siantar/web-core';
import { EvaluationApi } from '../api/evaluation.api';
import { errorsByIndex, jakartaToday } from '../ui/problem-paths';

type ItemForm = FormGroup<{
  id: FormControl<string>;
  action: FormControl<string>;
  dueDate: FormControl<string>;
  measure: FormControl<string>;
}>;

/**
 * `/evaluasi/rtl/:enrolmentId`: the learner's follow-up action plan (RTL) at the end of a
 * course: what they will apply at work, by when, and the measurable result. Editable from the
 * course's completion until the first follow-up is due; read-only after that.
 */
@Component({
  selector: 'sb-action-plan',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button [routerLink]="['/belajar', enrolmentId()]" data-testid="plan-back">
      {{ 'evaluation.survey.backToCourse' | translate }}
    </a>
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'evaluation.plan.title' | translate }}</h1>
        @if (plan(); as p) {
          <p class="sb-lead" data-testid="plan-course">{{ p.courseTitle }}</p>
        }
      </div>
    </div>
    <p class="sb-muted">{{ 'evaluation.plan.intro' | translate }}</p>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="loadProblem()" />

    @if (plan(); as p) {
      @if (p.submittedAt) {
        <p class="sb-muted" data-testid="plan-saved-at">
          {{
            'evaluation.plan.savedAt'
              | translate: { date: (p.updatedAt ?? p.submittedAt | date: 'medium') }
          }}
        </p>
      }
      @if (p.editable) {
        @if (p.editableUntil) {
          <p class="sbe-note" role="note" data-testid="plan-until">
            {{
              'evaluation.plan.editableUntil'
                | translate: { date: (p.editableUntil | date: 'medium') }
            }}
          </p>
        }
        <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="plan-form">
          <ol class="sbe-plan" formArrayName="items">
            @for (item of items.controls; track item; let i = $index) {
              <li [formGroupName]="i" data-testid="plan-item">
                <fieldset>
                  <legend>{{ 'evaluation.plan.item' | translate: { n: i + 1 } }}</legend>
                  <mat-form-field class="sb-form-wide">
                    <mat-label>{{ 'evaluation.plan.action' | translate }}</mat-label>
                    <textarea
                      matInput
                      formControlName="action"
                      rows="2"
                      maxlength="500"
                      required
                    ></textarea>
                    <mat-hint>{{ 'evaluation.plan.actionHint' | translate }}</mat-hint>
                    <mat-error>{{ message(item.controls.action) }}</mat-error>
                  </mat-form-field>
                  <div class="sbe-row">
                    <mat-form-field>
                      <mat-label>{{ 'evaluation.plan.dueDate' | translate }}</mat-label>
                      <input
                        matInput
                        type="date"
                        formControlName="dueDate"
                        [min]="today"
                        required
                      />
                      <mat-error>{{ message(item.controls.dueDate) }}</mat-error>
                    </mat-form-field>
                    <mat-form-field class="sbe-grow">
                      <mat-label>{{ 'evaluation.plan.measure' | translate }}</mat-label>
                      <input matInput formControlName="measure" maxlength="500" required />
                      <mat-hint>{{ 'evaluation.plan.measureHint' | translate }}</mat-hint>
                      <mat-error>{{ message(item.controls.measure) }}</mat-error>
                    </mat-form-field>
                  </div>
                  @if (items.length > 1) {
                    <button
                      mat-button
                      type="button"
                      (click)="remove(i)"
                      [attr.aria-label]="'evaluation.plan.removeItem' | translate: { n: i + 1 }"
                      data-testid="plan-remove"
                    >
                      <mat-icon svgIcon="close" aria-hidden="true" />
                      {{ 'evaluation.plan.remove' | translate }}
                    </button>
                  }
                </fieldset>
              </li>
            }
          </ol>
          <div class="sb-actions">
            <button
              mat-stroked-button
              type="button"
              (click)="add()"
              [disabled]="items.length >= max"
              data-testid="plan-add"
            >
              <mat-icon svgIcon="add" aria-hidden="true" />
              {{ 'evaluation.plan.add' | translate }}
            </button>
            <span class="sb-muted">{{ 'evaluation.plan.max' | translate: { n: max } }}</span>
          </div>
          <sb-problem-alert [problem]="problem()" />
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="plan-save">
            {{ 'evaluation.plan.save' | translate }}
          </button>
        </form>
      } @else {
        <p class="sbe-note" role="note" data-testid="plan-locked">
          {{ (p.completedAt ? 'evaluation.plan.frozen' : 'evaluation.plan.notYet') | translate }}
        </p>
        @if (p.items.length) {
          <ol class="sbe-plan sbe-read" data-testid="plan-read">
            @for (it of p.items; track it.id) {
              <li>
                <strong>{{ it.action }}</strong>
                <span
                  >{{ 'evaluation.plan.dueDate' | translate }}:
                  {{ it.dueDate | date: 'mediumDate' }}</span
                >
                <span>{{ 'evaluation.plan.measure' | translate }}: {{ it.measure }}</span>
              </li>
            }
          </ol>
        }
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
      background: var(--mat-sys-surface-container-high);
    }
    .sbe-plan {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
      li {
        border: 1px solid var(--mat-sys-outline-variant);
        border-radius: 12px;
        padding: 8px 16px 12px;
        margin-bottom: 12px;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      legend {
        font: var(--mat-sys-title-small);
        padding: 0 0 8px;
      }
    }
    .sbe-read li {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .sbe-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
    }
    .sbe-grow {
      flex: 1 1 280px;
    }
    .sb-actions {
      align-items: center;
      margin-bottom: 12px;
    }
  `,
})
export class ActionPlanComponent {
  private readonly api = inject(EvaluationApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly translate = inject(TranslateService);
  private readonly snackBar = inject(MatSnackBar);

  readonly enrolmentId = input.required<string>();

  protected readonly max = ACTION_PLAN_MAX_ITEMS;
  protected readonly today = jakartaToday();
  protected readonly plan = signal<ActionPlanResponse | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly form = this.fb.group({ items: this.fb.array<ItemForm>([]) });

  protected get items(): FormArray<ItemForm> {
    return this.form.controls.items;
  }

  constructor() {
    effect(() => {
      const id = this.enrolmentId();
      untracked(() =>
        sendRequest(
          this.api.actionPlan(id),
          { busy: this.loading, problem: this.loadProblem },
          (p) => this.show(p),
        ),
      );
    });
  }

  private show(plan: ActionPlanResponse): void {
    this.plan.set(plan);
    if (plan.items.length && plan.items.length === this.items.length) {
      // The saved plan: the same items, now with their ids (the fields keep their focus).
      plan.items.forEach((item, i) => this.items.at(i).patchValue(item));
      return;
    }
    this.items.clear();
    for (const item of plan.items) {
      this.items.push(this.itemForm(item));
    }
    if (!this.items.length) {
      this.items.push(this.itemForm());
    }
  }

  private itemForm(item?: ActionPlanItem): ItemForm {
    return this.fb.group({
      id: [item?.id ?? ''],
      action: [
        item?.action ?? '',
        [Validators.required, Validators.minLength(5), Validators.maxLength(500)],
      ],
      dueDate: [item?.dueDate ?? '', Validators.required],
      measure: [
        item?.measure ?? '',
        [Validators.required, Validators.minLength(5), Validators.maxLength(500)],
      ],
    });
  }

  protected message(control: FormControl<string>): string {
    return controlErrorMessage(control, this.translate);
  }

  protected add(): void {
    if (this.items.length < this.max) {
      this.items.push(this.itemForm());
      setTimeout(() => {
        const all = document.querySelectorAll<HTMLElement>('[data-testid="plan-item"] textarea');
        all[all.length - 1]?.focus();
      });
    }
  }

  protected remove(index: number): void {
    this.items.removeAt(index);
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const items = this.items.getRawValue().map((v) => ({
      ...(v.id ? { id: v.id } : {}),
      action: v.action.trim(),
      dueDate: v.dueDate,
      measure: v.measure.trim(),
    }));
    this.busy.set(true);
    this.problem.set(null);
    this.api.saveActionPlan(this.enrolmentId(), { items }).subscribe({
      next: (plan) => {
        this.busy.set(false);
        this.show(plan);
        this.snackBar.open(
          this.translate.instant('evaluation.plan.saved') as string,
          this.translate.instant('common.close') as string,
          { duration: 5000 },
        );
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        const { byIndex } = errorsByIndex(problem, 'items');
        for (const [index, errors] of byIndex) {
          const group = this.items.at(index) as ItemForm | undefined;
          for (const e of errors) {
            const control = group?.get(e.field || 'action');
            control?.setErrors({ ...(control.errors ?? {}), [SERVER_ERROR]: e.message });
            control?.markAsTouched();
          }
        }
        this.problem.set(problem);
      },
    });
  }
}
