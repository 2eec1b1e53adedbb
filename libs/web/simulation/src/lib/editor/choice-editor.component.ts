import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { Choice, CompetencyEffect, Scenario, VariableUpdate } from '@siantar/scenario';
import { ConditionEditorComponent } from './condition-editor.component';
import { EDITOR_FORM_STYLES } from './editor-styles';
import { RemoveRowButtonComponent } from './remove-row-button.component';
import { optionalText, removeAt, replaceAt } from './list-edit';

/**
 * One choice of a scene: its text, where it leads (picked from a list of scenes, or a new
 * scene), the feedback, its competency effects, variable updates and condition.
 */
@Component({
  selector: 'sb-choice-editor',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    RemoveRowButtonComponent,
    ConditionEditorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details open>
      <summary>
        {{ 'simulation.editor.choice.n' | translate: { n: index() + 1 } }}:
        {{ choice().label || ('simulation.editor.choice.noLabel' | translate) }} →
        {{ targetTitle() ?? ('simulation.editor.choice.unconnected' | translate) }}
      </summary>
      <mat-form-field>
        <mat-label>{{ 'simulation.editor.choice.label' | translate }}</mat-label>
        <input
          matInput
          maxlength="500"
          required
          [ngModel]="choice().label"
          (ngModelChange)="patch({ label: $event })"
          [attr.data-path]="at() + '.label'"
        />
      </mat-form-field>
      <div class="row">
        <mat-form-field>
          <mat-label>{{ 'simulation.editor.choice.target' | translate }}</mat-label>
          <mat-select
            [value]="choice().targetSceneId"
            (valueChange)="patch({ targetSceneId: $event })"
            [attr.data-path]="at() + '.targetSceneId'"
            [placeholder]="'simulation.editor.choice.unconnected' | translate"
          >
            <mat-option [value]="null">{{
              'simulation.editor.choice.unconnected' | translate
            }}</mat-option>
            @for (sc of scenario().scenes; track sc.id) {
              <mat-option [value]="sc.id">
                {{ sc.title || sc.id }}
                @if (sc.ending) {
                  ({{ 'simulation.editor.rating.' + sc.ending.rating | translate }})
                }
                @if (sc.id === sceneId()) {
                  ({{ 'simulation.editor.choice.self' | translate }})
                }
              </mat-option>
            }
            @if (choice().targetSceneId && targetTitle() === null) {
              <mat-option [value]="choice().targetSceneId">
                {{ choice().targetSceneId }} ({{ 'simulation.editor.undefined' | translate }})
              </mat-option>
            }
          </mat-select>
          @if (choice().targetSceneId === null) {
            <mat-hint class="error">{{
              'simulation.editor.choice.pickTarget' | translate
            }}</mat-hint>
          }
        </mat-form-field>
        <span class="row-actions">
          <button mat-stroked-button type="button" (click)="createTarget.emit()">
            {{ 'simulation.editor.choice.newTarget' | translate }}
          </button>
          @if (targetTitle() !== null ? choice().targetSceneId : null; as target) {
            <button mat-button type="button" (click)="goTo.emit(target)">
              {{ 'simulation.editor.choice.open' | translate }}
            </button>
          }
        </span>
      </div>
      <mat-form-field>
        <mat-label>{{ 'simulation.editor.choice.feedback' | translate }}</mat-label>
        <textarea
          matInput
          rows="2"
          [ngModel]="choice().feedback ?? ''"
          (ngModelChange)="patch({ feedback: optional($event) })"
          [attr.data-path]="at() + '.feedback'"
        ></textarea>
        <mat-hint>{{ 'simulation.editor.choice.feedbackHint' | translate }}</mat-hint>
      </mat-form-field>

      <div class="sub">{{ 'simulation.editor.choice.effects' | translate }}</div>
      @if (!scenario().competencies.length) {
        <p class="hint">{{ 'simulation.editor.choice.noCompetencies' | translate }}</p>
      }
      @for (e of choice().effects ?? []; track $index; let k = $index) {
        <div
          class="row"
          role="group"
          [attr.aria-label]="'simulation.editor.choice.effectN' | translate: { n: k + 1 }"
        >
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.choice.competency' | translate }}</mat-label>
            <mat-select
              [value]="e.competency"
              (valueChange)="setEffect(k, { competency: $event })"
              [attr.data-path]="at() + '.effects[' + k + '].competency'"
            >
              @for (c of scenario().competencies; track c.key) {
                <mat-option [value]="c.key">{{ c.label || c.key }}</mat-option>
              }
              @if (!knownCompetency(e.competency)) {
                <mat-option [value]="e.competency"
                  >{{ e.competency }} ({{ 'simulation.editor.undefined' | translate }})</mat-option
                >
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field class="narrow">
            <mat-label>{{ 'simulation.editor.choice.delta' | translate }}</mat-label>
            <input
              matInput
              type="number"
              [ngModel]="e.delta"
              (ngModelChange)="setDelta(k, $event)"
            />
          </mat-form-field>
          <sb-remove-row-button
            [label]="'simulation.editor.choice.removeEffect' | translate: { n: k + 1 }"
            (remove)="patch({ effects: listOrNone(removeAt(choice().effects ?? [], k)) })"
          />
        </div>
      }
      <button
        mat-stroked-button
        type="button"
        [disabled]="!scenario().competencies.length || (choice().effects?.length ?? 0) >= 20"
        (click)="addEffect()"
      >
        {{ 'simulation.editor.choice.addEffect' | translate }}
      </button>

      <div class="sub">{{ 'simulation.editor.choice.updates' | translate }}</div>
      @if (!scenario().variables.length) {
        <p class="hint">{{ 'simulation.editor.choice.noVariables' | translate }}</p>
      }
      @for (u of choice().updates ?? []; track $index; let k = $index) {
        <div
          class="row"
          role="group"
          [attr.aria-label]="'simulation.editor.choice.updateN' | translate: { n: k + 1 }"
        >
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.condition.variable' | translate }}</mat-label>
            <mat-select
              [value]="u.variable"
              (valueChange)="setUpdate(k, { variable: $event })"
              [attr.data-path]="at() + '.updates[' + k + '].variable'"
            >
              @for (v of scenario().variables; track v.key) {
                <mat-option [value]="v.key">{{ v.label || v.key }}</mat-option>
              }
              @if (!knownVariable(u.variable)) {
                <mat-option [value]="u.variable"
                  >{{ u.variable }} ({{ 'simulation.editor.undefined' | translate }})</mat-option
                >
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field class="narrow">
            <mat-label>{{ 'simulation.editor.choice.updateOp' | translate }}</mat-label>
            <mat-select [value]="u.op" (valueChange)="setUpdate(k, { op: $event })">
              <mat-option value="add">{{
                'simulation.editor.choice.opAdd' | translate
              }}</mat-option>
              <mat-option value="set">{{
                'simulation.editor.choice.opSet' | translate
              }}</mat-option>
            </mat-select>
          </mat-form-field>
          <mat-form-field class="narrow">
            <mat-label>{{ 'simulation.editor.condition.value' | translate }}</mat-label>
            <input
              matInput
              type="number"
              [ngModel]="u.value"
              (ngModelChange)="setUpdateValue(k, $event)"
            />
          </mat-form-field>
          <sb-remove-row-button
            [label]="'simulation.editor.choice.removeUpdate' | translate: { n: k + 1 }"
            (remove)="patch({ updates: listOrNone(removeAt(choice().updates ?? [], k)) })"
          />
        </div>
      }
      <button
        mat-stroked-button
        type="button"
        [disabled]="!scenario().variables.length || (choice().updates?.length ?? 0) >= 20"
        (click)="addUpdate()"
      >
        {{ 'simulation.editor.choice.addUpdate' | translate }}
      </button>

      <sb-condition-editor
        [condition]="choice().condition"
        [variables]="scenario().variables"
        [path]="at() + '.condition'"
        (conditionChange)="patch({ condition: $event })"
      />

      <div class="actions">
        <button
          mat-button
          type="button"
          [disabled]="index() === 0"
          (click)="move.emit(-1)"
          [attr.aria-label]="'simulation.editor.choice.up' | translate: { n: index() + 1 }"
        >
          ↑ {{ 'simulation.editor.choice.upShort' | translate }}
        </button>
        <button
          mat-button
          type="button"
          [disabled]="index() === count() - 1"
          (click)="move.emit(1)"
          [attr.aria-label]="'simulation.editor.choice.down' | translate: { n: index() + 1 }"
        >
          ↓ {{ 'simulation.editor.choice.downShort' | translate }}
        </button>
        <button mat-button type="button" class="danger" (click)="remove.emit()">
          {{ 'simulation.editor.choice.remove' | translate: { n: index() + 1 } }}
        </button>
      </div>
    </details>
  `,
  styles: [
    EDITOR_FORM_STYLES,
    `
      .danger {
        color: var(--mat-sys-error);
      }
    `,
  ],
})
export class ChoiceEditorComponent {
  readonly choice = input.required<Choice>();
  readonly index = input.required<number>();
  readonly count = input.required<number>();
  readonly scenario = input.required<Scenario>();
  readonly sceneId = input.required<string>();

  readonly choiceChange = output<Choice>();
  readonly remove = output<void>();
  readonly move = output<number>();
  readonly createTarget = output<void>();
  readonly goTo = output<string>();

  protected readonly removeAt = removeAt;
  protected readonly optional = optionalText;
  protected readonly at = computed(() => `choices[${this.index()}]`);
  protected readonly targetTitle = computed(() => {
    const id = this.choice().targetSceneId;
    const scene = id === null ? undefined : this.scenario().scenes.find((sc) => sc.id === id);
    return scene ? scene.title || scene.id : null;
  });

  protected knownCompetency(key: string): boolean {
    return this.scenario().competencies.some((c) => c.key === key);
  }

  protected knownVariable(key: string): boolean {
    return this.scenario().variables.some((v) => v.key === key);
  }

  /** An empty list is left out of the choice. */
  protected listOrNone<T>(list: T[]): T[] | undefined {
    return list.length ? list : undefined;
  }

  protected patch(p: Partial<Choice>): void {
    const next: Choice = { ...this.choice(), ...p };
    for (const k of ['feedback', 'effects', 'updates', 'condition'] as const)
      if (next[k] === undefined) delete next[k];
    this.choiceChange.emit(next);
  }

  protected setEffect(k: number, p: Partial<CompetencyEffect>): void {
    const list = this.choice().effects ?? [];
    this.patch({ effects: replaceAt(list, k, { ...list[k], ...p }) });
  }

  protected setDelta(k: number, v: number | null): void {
    if (typeof v === 'number' && Number.isFinite(v)) this.setEffect(k, { delta: v });
  }

  protected addEffect(): void {
    const key = this.scenario().competencies[0]?.key ?? '';
    this.patch({ effects: [...(this.choice().effects ?? []), { competency: key, delta: 10 }] });
  }

  protected setUpdate(k: number, p: Partial<VariableUpdate>): void {
    const list = this.choice().updates ?? [];
    this.patch({ updates: replaceAt(list, k, { ...list[k], ...p }) });
  }

  protected setUpdateValue(k: number, v: number | null): void {
    if (typeof v === 'number' && Number.isFinite(v)) this.setUpdate(k, { value: v });
  }

  protected addUpdate(): void {
    const key = this.scenario().variables[0]?.key ?? '';
    this.patch({
      updates: [...(this.choice().updates ?? []), { variable: key, op: 'add', value: 1 }],
    });
  }
}
