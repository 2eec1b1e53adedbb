import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { CONDITION_OPS, type Condition, type ConditionOp, type Variable } from '@siantar/scenario';
import {
  type ConditionMode,
  type SimpleCondition,
  conditionFrom,
  conditionMode,
  conditionRows,
  switchMode,
} from './condition-rows';
import { EDITOR_FORM_STYLES } from './editor-styles';
import { RemoveRowButtonComponent } from './remove-row-button.component';
import { removeAt, replaceAt } from './list-edit';

/**
 * When a choice is offered: always, when one comparison on a variable holds, or when all of
 * several hold. Conditions written by hand with any / not are shown as JSON and can be replaced.
 */
@Component({
  selector: 'sb-condition-editor',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    RemoveRowButtonComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sub">{{ 'simulation.editor.condition.title' | translate }}</div>
    @if (mode() === 'advanced') {
      <p class="hint">{{ 'simulation.editor.condition.advanced' | translate }}</p>
      <pre class="json" [attr.data-path]="path()" tabindex="0">{{ json() }}</pre>
      <button mat-stroked-button type="button" (click)="setMode('single')">
        {{ 'simulation.editor.condition.replace' | translate }}
      </button>
    } @else {
      <mat-form-field>
        <mat-label>{{ 'simulation.editor.condition.mode' | translate }}</mat-label>
        <mat-select
          [value]="mode()"
          (valueChange)="setMode($event)"
          [disabled]="!variables().length && mode() === 'none'"
          [attr.data-path]="path()"
        >
          <mat-option value="none">{{ 'simulation.editor.condition.none' | translate }}</mat-option>
          <mat-option value="single">{{
            'simulation.editor.condition.single' | translate
          }}</mat-option>
          <mat-option value="all">{{ 'simulation.editor.condition.all' | translate }}</mat-option>
        </mat-select>
        @if (!variables().length) {
          <mat-hint>{{ 'simulation.editor.condition.noVariables' | translate }}</mat-hint>
        }
      </mat-form-field>
      @for (r of rows(); track $index; let i = $index) {
        <div
          class="row"
          role="group"
          [attr.aria-label]="'simulation.editor.condition.rowN' | translate: { n: i + 1 }"
        >
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.condition.variable' | translate }}</mat-label>
            <mat-select [value]="r.variable" (valueChange)="setRow(i, { variable: $event })">
              @for (v of variables(); track v.key) {
                <mat-option [value]="v.key">{{ v.label || v.key }}</mat-option>
              }
              @if (!known(r.variable)) {
                <mat-option [value]="r.variable"
                  >{{ r.variable }} ({{ 'simulation.editor.undefined' | translate }})</mat-option
                >
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field class="narrow">
            <mat-label>{{ 'simulation.editor.condition.op' | translate }}</mat-label>
            <mat-select [value]="r.op" (valueChange)="setRow(i, { op: $event })">
              @for (op of ops; track op) {
                <mat-option [value]="op">{{
                  'simulation.editor.condition.ops.' + op | translate
                }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field class="narrow">
            <mat-label>{{ 'simulation.editor.condition.value' | translate }}</mat-label>
            <input
              matInput
              type="number"
              [ngModel]="r.value"
              (ngModelChange)="setValue(i, $event)"
            />
          </mat-form-field>
          @if (mode() === 'all') {
            <sb-remove-row-button
              [label]="'simulation.editor.condition.removeRow' | translate: { n: i + 1 }"
              [disabled]="rows().length <= 1"
              (remove)="removeRow(i)"
            />
          }
        </div>
      }
      @if (mode() === 'all') {
        <button
          mat-stroked-button
          type="button"
          (click)="addRow()"
          [disabled]="rows().length >= 10"
        >
          {{ 'simulation.editor.condition.addRow' | translate }}
        </button>
      }
    }
  `,
  styles: [
    EDITOR_FORM_STYLES,
    `
      .json {
        background: var(--mat-sys-surface-container-high);
        padding: 8px;
        border-radius: 4px;
        overflow: auto;
        font-size: 12px;
      }
    `,
  ],
})
export class ConditionEditorComponent {
  readonly condition = input<Condition | undefined>(undefined);
  readonly variables = input<Variable[]>([]);
  /** The condition's path in the scene (for the validation panel's focus). */
  readonly path = input('condition');
  readonly conditionChange = output<Condition | undefined>();

  protected readonly ops: readonly ConditionOp[] = CONDITION_OPS;
  protected readonly mode = computed(() => conditionMode(this.condition()));
  protected readonly rows = computed(() => conditionRows(this.condition()));
  protected readonly json = computed(() => JSON.stringify(this.condition(), null, 2));

  protected known(key: string): boolean {
    return this.variables().some((v) => v.key === key);
  }

  protected setMode(mode: Exclude<ConditionMode, 'advanced'>): void {
    const current = this.mode() === 'advanced' ? undefined : this.condition();
    this.conditionChange.emit(switchMode(current, mode, this.variables()[0]?.key ?? ''));
  }

  protected setRow(i: number, patch: Partial<SimpleCondition>): void {
    const rows = replaceAt(this.rows(), i, { ...this.rows()[i], ...patch });
    this.emit(rows);
  }

  /** A number field gives null while it holds no number yet (e.g. a lone minus): kept as it was. */
  protected setValue(i: number, value: number | null): void {
    if (typeof value === 'number' && Number.isFinite(value)) this.setRow(i, { value });
  }

  protected addRow(): void {
    this.emit([...this.rows(), { variable: this.variables()[0]?.key ?? '', op: 'gte', value: 0 }]);
  }

  protected removeRow(i: number): void {
    this.emit(removeAt(this.rows(), i));
  }

  private emit(rows: SimpleCondition[]): void {
    const mode = this.mode();
    this.conditionChange.emit(conditionFrom(mode === 'single' ? 'single' : 'all', rows));
  }
}
