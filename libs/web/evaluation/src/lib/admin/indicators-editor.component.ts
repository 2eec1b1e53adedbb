import { DatePipe, DecimalPipe, NgTemplateOutlet } from '@angular/common';
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
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  INDICATOR_DIRECTIONS,
  type CourseIndicators,
  type IndicatorDirection,
  type IndicatorValueView,
  type IndicatorView,
  type OrgUnitResponse,
  type ProblemDetails,
} from '@siantar/contracts';
import {
  OrgUnitsApi,
  ProblemAlertComponent,
  TableRegionComponent,
  confirmAction,
  sendRequest,
} from '@siantar/web-core';
import { EvaluationApi } from '../api/evaluation.api';
import { signed } from '../programme/programme-model';

interface IndicatorDraft {
  /** null: a new indicator. */
  id: string | null;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  description: string;
}

interface ValueDraft {
  indicatorId: string;
  orgUnitId: string;
  before: string;
  measuredBefore: string;
  after: string;
  measuredAfter: string;
  note: string;
  /** Editing an OPD's existing values (the OPD is fixed). */
  existing: boolean;
}

/** A number typed with a comma or a dot; null when empty or not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!t) {
    return null;
  }
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * `/evaluasi/kursus/:courseId/indikator` (admins): the course's L4 indicators (name, unit,
 * whether lower or higher is better) and each OPD's value before the programme and after it.
 * Those who may define indicators add, change and remove them; values can be entered for the
 * OPDs in the admin's reach.
 */
@Component({
  selector: 'sb-indicators-editor',
  imports: [
    FormsModule,
    DatePipe,
    DecimalPipe,
    NgTemplateOutlet,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
    TableRegionComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button [routerLink]="['/evaluasi/kursus', courseId()]" data-testid="indicators-back">
      {{ 'evaluation.programme.title' | translate }}
    </a>
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'evaluation.indicators.title' | translate }}</h1>
        <p class="sb-lead">{{ 'evaluation.indicators.intro' | translate }}</p>
      </div>
      @if (data()?.canDefine && !indicatorDraft()) {
        <div class="sb-actions">
          <button
            mat-flat-button
            type="button"
            (click)="newIndicator()"
            data-testid="indicator-new"
          >
            {{ 'evaluation.indicators.new' | translate }}
          </button>
        </div>
      }
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />
    @if (data(); as d) {
      @if (d.scope === 'reach') {
        <p class="sb-muted" data-testid="indicators-reach">
          {{ 'evaluation.indicators.reachOnly' | translate }}
        </p>
      }
      @if (indicatorDraft(); as draft) {
        <ng-container *ngTemplateOutlet="indicatorForm" />
      }
      @for (ind of d.indicators; track ind.id) {
        <section
          class="sbe-card"
          [attr.aria-labelledby]="'sbe-ind-' + ind.id"
          data-testid="indicator"
        >
          <header>
            <h2 [id]="'sbe-ind-' + ind.id">{{ ind.name }} ({{ ind.unit }})</h2>
            <span class="sb-chip">{{ 'evaluation.direction.' + ind.direction | translate }}</span>
          </header>
          @if (ind.description) {
            <p class="sb-muted">{{ ind.description }}</p>
          }
          @if (d.canDefine) {
            <div class="sb-actions">
              <button
                mat-button
                type="button"
                (click)="editIndicator(ind)"
                [attr.aria-label]="
                  'evaluation.indicators.editNamed' | translate: { name: ind.name }
                "
              >
                {{ 'evaluation.indicators.edit' | translate }}
              </button>
              <button
                mat-button
                type="button"
                (click)="deleteIndicator(ind)"
                [attr.aria-label]="
                  'evaluation.indicators.deleteNamed' | translate: { name: ind.name }
                "
                data-testid="indicator-delete"
              >
                {{ 'evaluation.indicators.delete' | translate }}
              </button>
            </div>
          }
          @if (ind.values.length) {
            <sb-table-region [label]="ind.name">
              <table class="sbe-table" data-testid="indicator-values">
                <thead>
                  <tr>
                    <th scope="col">{{ 'evaluation.indicators.opd' | translate }}</th>
                    <th scope="col" class="sbe-num">
                      {{ 'evaluation.indicators.before' | translate }}
                    </th>
                    <th scope="col" class="sbe-num">
                      {{ 'evaluation.indicators.after' | translate }}
                    </th>
                    <th scope="col" class="sbe-num">
                      {{ 'evaluation.indicators.change' | translate }}
                    </th>
                    <th scope="col">{{ 'evaluation.indicators.note' | translate }}</th>
                    <th scope="col">
                      <span class="sb-visually-hidden">{{ 'common.actions' | translate }}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  @for (v of ind.values; track v.orgUnitId) {
                    <tr>
                      <th scope="row">{{ v.orgUnitName }}</th>
                      <td class="sbe-num">
                        {{ v.before | number: '1.0-4' }}
                        <span class="sb-muted sbe-block">{{
                          v.measuredBefore | date: 'mediumDate'
                        }}</span>
                      </td>
                      <td class="sbe-num">
                        {{ v.after === null ? '—' : (v.after | number: '1.0-4') }}
                        @if (v.measuredAfter) {
                          <span class="sb-muted sbe-block">{{
                            v.measuredAfter | date: 'mediumDate'
                          }}</span>
                        }
                      </td>
                      <td class="sbe-num">
                        {{ signed(v.change, 4) }}
                        @if (v.changePercent !== null) {
                          <span class="sbe-block">({{ signed(v.changePercent) }}%)</span>
                        }
                        @if (v.improved !== null) {
                          <span class="sb-chip" [class.sb-chip-error]="!v.improved">{{
                            (v.improved
                              ? 'evaluation.indicators.improved'
                              : 'evaluation.indicators.worse'
                            ) | translate
                          }}</span>
                        }
                      </td>
                      <td>{{ v.note }}</td>
                      <td>
                        @if (v.editable) {
                          <button
                            mat-button
                            type="button"
                            (click)="editValue(ind, v)"
                            [attr.aria-label]="
                              'evaluation.indicators.editValue' | translate: { opd: v.orgUnitName }
                            "
                          >
                            {{ 'evaluation.indicators.edit' | translate }}
                          </button>
                          <button
                            mat-button
                            type="button"
                            (click)="removeValue(ind, v)"
                            [attr.aria-label]="
                              'evaluation.indicators.removeValue'
                                | translate: { opd: v.orgUnitName }
                            "
                            data-testid="value-remove"
                          >
                            {{ 'evaluation.indicators.delete' | translate }}
                          </button>
                        }
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </sb-table-region>
            <p class="sb-muted">
              {{
                'evaluation.indicators.summary'
                  | translate
                    : {
                        opds: ind.summary.opds,
                        measured: ind.summary.measured,
                        improved: ind.summary.improved,
                      }
              }}
            </p>
          } @else {
            <p class="sb-muted">{{ 'evaluation.indicators.noValues' | translate }}</p>
          }
          @if (valueDraft()?.indicatorId === ind.id) {
            <ng-container *ngTemplateOutlet="valueForm; context: { $implicit: ind }" />
          } @else {
            <button
              mat-stroked-button
              type="button"
              (click)="newValue(ind)"
              data-testid="value-new"
            >
              {{ 'evaluation.indicators.addValue' | translate }}
            </button>
          }
        </section>
      } @empty {
        @if (!indicatorDraft()) {
          <p class="sb-empty" data-testid="indicators-empty">
            {{
              (d.canDefine ? 'evaluation.indicators.emptyDefine' : 'evaluation.indicators.empty')
                | translate
            }}
          </p>
        }
      }
    }

    <ng-template #indicatorForm>
      @if (indicatorDraft(); as draft) {
        <form
          class="sbe-card"
          (ngSubmit)="saveIndicator()"
          novalidate
          data-testid="indicator-form"
          aria-labelledby="sbe-ind-form"
        >
          <h2 id="sbe-ind-form" tabindex="-1">
            {{
              (draft.id ? 'evaluation.indicators.edit' : 'evaluation.indicators.new') | translate
            }}
          </h2>
          <div class="sb-form-grid">
            <mat-form-field class="sb-form-wide">
              <mat-label>{{ 'evaluation.indicators.name' | translate }}</mat-label>
              <input
                matInput
                required
                maxlength="200"
                [value]="draft.name"
                (input)="patchIndicator({ name: $any($event.target).value })"
                data-testid="indicator-name"
              />
              <mat-hint>{{ 'evaluation.indicators.nameHint' | translate }}</mat-hint>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'evaluation.indicators.unit' | translate }}</mat-label>
              <input
                matInput
                required
                maxlength="40"
                [value]="draft.unit"
                (input)="patchIndicator({ unit: $any($event.target).value })"
                data-testid="indicator-unit"
              />
              <mat-hint>{{ 'evaluation.indicators.unitHint' | translate }}</mat-hint>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'evaluation.indicators.direction' | translate }}</mat-label>
              <mat-select
                [value]="draft.direction"
                (valueChange)="patchIndicator({ direction: $event })"
              >
                @for (dir of directions; track dir) {
                  <mat-option [value]="dir">{{
                    'evaluation.direction.' + dir | translate
                  }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field class="sb-form-wide">
              <mat-label>{{ 'evaluation.indicators.description' | translate }}</mat-label>
              <textarea
                matInput
                rows="2"
                maxlength="2000"
                [value]="draft.description"
                (input)="patchIndicator({ description: $any($event.target).value })"
              ></textarea>
            </mat-form-field>
          </div>
          <ul class="sb-error-list">
            @for (e of formProblem()?.errors ?? []; track $index) {
              <li>{{ e.message }}</li>
            }
          </ul>
          <sb-problem-alert [problem]="formProblem()" />
          <div class="sb-actions">
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="indicator-save">
              {{ 'common.save' | translate }}
            </button>
            <button mat-button type="button" (click)="indicatorDraft.set(null)">
              {{ 'common.cancel' | translate }}
            </button>
          </div>
        </form>
      }
    </ng-template>

    <ng-template #valueForm let-ind>
      @if (valueDraft(); as v) {
        <form
          class="sbe-value-form"
          (ngSubmit)="saveValue()"
          novalidate
          data-testid="value-form"
          [attr.aria-label]="'evaluation.indicators.valueFor' | translate: { name: ind.name }"
        >
          <div class="sb-form-grid">
            <mat-form-field class="sb-form-wide">
              <mat-label>{{ 'evaluation.indicators.opd' | translate }}</mat-label>
              <mat-select
                [value]="v.orgUnitId"
                [disabled]="v.existing"
                (valueChange)="patchValue({ orgUnitId: $event })"
                required
                data-testid="value-opd"
              >
                @for (u of opds(); track u.id) {
                  <mat-option [value]="u.id">{{ u.name }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label
                >{{ 'evaluation.indicators.before' | translate }} ({{ ind.unit }})</mat-label
              >
              <input
                matInput
                inputmode="decimal"
                required
                [value]="v.before"
                (input)="patchValue({ before: $any($event.target).value })"
                data-testid="value-before"
              />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'evaluation.indicators.measuredBefore' | translate }}</mat-label>
              <input
                matInput
                type="date"
                required
                [value]="v.measuredBefore"
                (change)="patchValue({ measuredBefore: $any($event.target).value })"
                data-testid="value-measured-before"
              />
            </mat-form-field>
            <mat-form-field>
              <mat-label
                >{{ 'evaluation.indicators.after' | translate }} ({{ ind.unit }})</mat-label
              >
              <input
                matInput
                inputmode="decimal"
                [value]="v.after"
                (input)="patchValue({ after: $any($event.target).value })"
                data-testid="value-after"
              />
              <mat-hint>{{ 'evaluation.indicators.afterHint' | translate }}</mat-hint>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'evaluation.indicators.measuredAfter' | translate }}</mat-label>
              <input
                matInput
                type="date"
                [min]="v.measuredBefore"
                [value]="v.measuredAfter"
                (change)="patchValue({ measuredAfter: $any($event.target).value })"
                data-testid="value-measured-after"
              />
            </mat-form-field>
            <mat-form-field class="sb-form-wide">
              <mat-label>{{ 'evaluation.indicators.note' | translate }}</mat-label>
              <input
                matInput
                maxlength="500"
                [value]="v.note"
                (input)="patchValue({ note: $any($event.target).value })"
              />
              <mat-hint>{{ 'evaluation.indicators.noteHint' | translate }}</mat-hint>
            </mat-form-field>
          </div>
          @if (valueError()) {
            <p class="sb-error-text" role="alert" data-testid="value-error">
              {{ valueError() | translate }}
            </p>
          }
          <ul class="sb-error-list">
            @for (e of formProblem()?.errors ?? []; track $index) {
              <li>{{ e.message }}</li>
            }
          </ul>
          <sb-problem-alert [problem]="formProblem()" />
          <div class="sb-actions">
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="value-save">
              {{ 'common.save' | translate }}
            </button>
            <button mat-button type="button" (click)="valueDraft.set(null)">
              {{ 'common.cancel' | translate }}
            </button>
          </div>
        </form>
      }
    </ng-template>
  `,
  styles: `
    .sbe-card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
      padding: 12px 16px;
      margin-bottom: 16px;
      h2 {
        font: var(--mat-sys-title-medium);
        margin: 0;
        overflow-wrap: anywhere;
      }
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .sbe-table {
      width: 100%;
      min-width: 640px;
      border-collapse: collapse;
      th,
      td {
        text-align: start;
        padding: 6px 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        vertical-align: top;
      }
      th[scope='row'] {
        font-weight: normal;
      }
    }
    .sbe-num {
      text-align: end !important;
      font-variant-numeric: tabular-nums;
    }
    .sbe-block {
      display: block;
    }
    .sbe-value-form {
      margin-top: 12px;
      padding-top: 12px;
      border-top: 1px dashed var(--mat-sys-outline-variant);
    }
  `,
})
export class IndicatorsEditorComponent {
  private readonly api = inject(EvaluationApi);
  private readonly orgUnits = inject(OrgUnitsApi);
  private readonly dialog = inject(MatDialog);

  readonly courseId = input.required<string>();

  protected readonly directions = INDICATOR_DIRECTIONS;
  protected readonly signed = signed;
  protected readonly data = signal<CourseIndicators | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly busy = signal(false);
  protected readonly formProblem = signal<ProblemDetails | null>(null);
  protected readonly indicatorDraft = signal<IndicatorDraft | null>(null);
  protected readonly valueDraft = signal<ValueDraft | null>(null);
  protected readonly valueError = signal('');
  private readonly units = signal<OrgUnitResponse[]>([]);
  /** OPDs (and the city itself) the admin can enter values for. */
  protected readonly opds = computed(() =>
    this.units().filter((u) => u.kind === 'opd' || u.kind === 'pemda'),
  );

  constructor() {
    effect(() => {
      const id = this.courseId();
      untracked(() => this.load(id));
    });
  }

  private load(courseId: string): void {
    sendRequest(this.api.indicators(courseId), { busy: this.loading, problem: this.problem }, (d) =>
      this.data.set(d),
    );
  }

  private replaceIndicator(view: IndicatorView): void {
    this.data.update((d) => {
      if (!d) {
        return d;
      }
      const exists = d.indicators.some((i) => i.id === view.id);
      return {
        ...d,
        indicators: exists
          ? d.indicators.map((i) => (i.id === view.id ? view : i))
          : [...d.indicators, view],
      };
    });
  }

  protected newIndicator(): void {
    this.formProblem.set(null);
    this.indicatorDraft.set({
      id: null,
      name: '',
      unit: '',
      direction: 'higher-is-better',
      description: '',
    });
    setTimeout(() => document.getElementById('sbe-ind-form')?.focus());
  }

  protected editIndicator(ind: IndicatorView): void {
    this.formProblem.set(null);
    this.indicatorDraft.set({
      id: ind.id,
      name: ind.name,
      unit: ind.unit,
      direction: ind.direction,
      description: ind.description,
    });
    setTimeout(() => document.getElementById('sbe-ind-form')?.focus());
  }

  protected patchIndicator(change: Partial<IndicatorDraft>): void {
    this.indicatorDraft.update((d) => (d ? { ...d, ...change } : d));
  }

  protected saveIndicator(): void {
    const d = this.indicatorDraft();
    if (!d) {
      return;
    }
    const body = {
      name: d.name.trim(),
      unit: d.unit.trim(),
      direction: d.direction,
      ...(d.description.trim() ? { description: d.description.trim() } : {}),
    };
    const call = d.id
      ? this.api.updateIndicator(this.courseId(), d.id, body)
      : this.api.createIndicator(this.courseId(), body);
    sendRequest(call, { busy: this.busy, problem: this.formProblem }, (view) => {
      this.replaceIndicator(view);
      this.indicatorDraft.set(null);
    });
  }

  protected deleteIndicator(ind: IndicatorView): void {
    confirmAction(this.dialog, {
      title: 'evaluation.indicators.deleteTitle',
      message: 'evaluation.indicators.deleteMessage',
      params: { name: ind.name },
      confirm: 'evaluation.indicators.delete',
    }).subscribe((yes) => {
      if (yes) {
        sendRequest(
          this.api.deleteIndicator(this.courseId(), ind.id),
          { busy: this.busy, problem: this.problem },
          () =>
            this.data.update((d) =>
              d ? { ...d, indicators: d.indicators.filter((i) => i.id !== ind.id) } : d,
            ),
        );
      }
    });
  }

  private loadUnits(): void {
    if (!this.units().length) {
      this.orgUnits.list().subscribe({
        next: (list) =>
          this.units.set([...list].sort((a, b) => a.name.localeCompare(b.name, 'id'))),
        error: () => this.units.set([]),
      });
    }
  }

  protected newValue(ind: IndicatorView): void {
    this.loadUnits();
    this.formProblem.set(null);
    this.valueError.set('');
    this.valueDraft.set({
      indicatorId: ind.id,
      orgUnitId: '',
      before: '',
      measuredBefore: '',
      after: '',
      measuredAfter: '',
      note: '',
      existing: false,
    });
  }

  protected editValue(ind: IndicatorView, v: IndicatorValueView): void {
    this.loadUnits();
    this.formProblem.set(null);
    this.valueError.set('');
    this.valueDraft.set({
      indicatorId: ind.id,
      orgUnitId: v.orgUnitId,
      before: String(v.before),
      measuredBefore: v.measuredBefore,
      after: v.after === null ? '' : String(v.after),
      measuredAfter: v.measuredAfter ?? '',
      note: v.note,
      existing: true,
    });
    // The OPD of an existing row is shown even when the unit list has not loaded it.
    if (!this.units().some((u) => u.id === v.orgUnitId)) {
      this.units.update((list) => [
        ...list,
        {
          id: v.orgUnitId,
          name: v.orgUnitName,
          code: '',
          kind: 'opd',
          parentId: null,
          path: [],
          userCount: 0,
        },
      ]);
    }
  }

  protected removeValue(ind: IndicatorView, v: IndicatorValueView): void {
    confirmAction(this.dialog, {
      title: 'evaluation.indicators.removeValueTitle',
      message: 'evaluation.indicators.removeValueMessage',
      params: { opd: v.orgUnitName, name: ind.name },
      confirm: 'evaluation.indicators.delete',
    }).subscribe((yes) => {
      if (yes) {
        sendRequest(
          this.api.removeIndicatorValue(ind.id, v.orgUnitId),
          { busy: this.busy, problem: this.problem },
          (view) => this.replaceIndicator(view),
        );
      }
    });
  }

  protected patchValue(change: Partial<ValueDraft>): void {
    this.valueDraft.update((d) => (d ? { ...d, ...change } : d));
    this.valueError.set('');
  }

  protected saveValue(): void {
    const v = this.valueDraft();
    if (!v) {
      return;
    }
    const before = parseNumber(v.before);
    const after = parseNumber(v.after);
    if (!v.orgUnitId || before === null || !v.measuredBefore) {
      this.valueError.set('evaluation.indicators.beforeRequired');
      return;
    }
    if (v.after.trim() && after === null) {
      this.valueError.set('evaluation.indicators.notANumber');
      return;
    }
    if (after !== null && !v.measuredAfter) {
      this.valueError.set('evaluation.indicators.afterDateRequired');
      return;
    }
    const body = {
      orgUnitId: v.orgUnitId,
      before,
      measuredBefore: v.measuredBefore,
      after,
      measuredAfter: after === null ? null : v.measuredAfter,
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    };
    sendRequest(
      this.api.saveIndicatorValue(v.indicatorId, body),
      { busy: this.busy, problem: this.formProblem },
      (view) => {
        this.replaceIndicator(view);
        this.valueDraft.set(null);
      },
    );
  }
}
