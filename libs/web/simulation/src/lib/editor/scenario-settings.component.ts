import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { Competency, Scenario, SimulationSettings, Variable } from '@siantar/scenario';
import { EDITOR_FORM_STYLES } from './editor-styles';
import { RemoveRowButtonComponent } from './remove-row-button.component';
import { removeAt, replaceAt, uniqueKey } from './list-edit';
import { renameCompetency, renameVariable } from './scenario-graph-ops';

/**
 * The scenario as a whole: its title and start scene, the competencies choices score, the
 * variables the story keeps, and how the lesson completes.
 */
@Component({
  selector: 'sb-scenario-settings',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
    RemoveRowButtonComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field>
      <mat-label>{{ 'simulation.editor.settings.title' | translate }}</mat-label>
      <input
        matInput
        maxlength="200"
        required
        [ngModel]="scenario().title"
        (ngModelChange)="patch({ title: $event })"
        data-path="title"
        data-testid="scenario-title"
      />
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'simulation.editor.settings.start' | translate }}</mat-label>
      <mat-select
        [value]="scenario().startSceneId"
        (valueChange)="patch({ startSceneId: $event })"
        data-path="startSceneId"
      >
        @for (sc of scenario().scenes; track sc.id) {
          <mat-option [value]="sc.id">{{ sc.title || sc.id }}</mat-option>
        }
      </mat-select>
    </mat-form-field>

    <fieldset>
      <legend>{{ 'simulation.editor.settings.competencies' | translate }}</legend>
      <p class="hint">{{ 'simulation.editor.settings.competenciesHint' | translate }}</p>
      @for (c of scenario().competencies; track $index; let i = $index) {
        <div class="row" role="group" [attr.aria-label]="c.label || c.key">
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.settings.label' | translate }}</mat-label>
            <input
              matInput
              [ngModel]="c.label"
              (ngModelChange)="setCompetency(i, { label: $event })"
              [attr.data-path]="'competencies[' + i + '].label'"
            />
          </mat-form-field>
          <mat-form-field class="narrow">
            <mat-label>{{ 'simulation.editor.settings.key' | translate }}</mat-label>
            <input
              #key
              matInput
              class="sb-mono"
              [value]="c.key"
              (change)="renameCompetency(c.key, key)"
              [attr.data-path]="'competencies[' + i + '].key'"
            />
          </mat-form-field>
          <sb-remove-row-button
            [label]="
              'simulation.editor.settings.removeCompetency' | translate: { label: c.label || c.key }
            "
            (remove)="patch({ competencies: removeAt(scenario().competencies, i) })"
          />
        </div>
      }
      <button
        mat-stroked-button
        type="button"
        [disabled]="scenario().competencies.length >= 20"
        (click)="addCompetency()"
      >
        {{ 'simulation.editor.settings.addCompetency' | translate }}
      </button>
    </fieldset>

    <fieldset>
      <legend>{{ 'simulation.editor.settings.variables' | translate }}</legend>
      <p class="hint">{{ 'simulation.editor.settings.variablesHint' | translate }}</p>
      @for (v of scenario().variables; track $index; let i = $index) {
        <div
          class="row"
          role="group"
          [attr.aria-label]="v.label || v.key"
          [attr.data-path]="'variables[' + i + ']'"
          tabindex="-1"
        >
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.settings.label' | translate }}</mat-label>
            <input
              matInput
              [ngModel]="v.label"
              (ngModelChange)="setVariable(i, { label: $event })"
            />
          </mat-form-field>
          <mat-form-field class="narrow">
            <mat-label>{{ 'simulation.editor.settings.key' | translate }}</mat-label>
            <input
              #vkey
              matInput
              class="sb-mono"
              [value]="v.key"
              (change)="renameVariable(v.key, vkey)"
              [attr.data-path]="'variables[' + i + '].key'"
            />
          </mat-form-field>
          <mat-form-field class="narrow">
            <mat-label>{{ 'simulation.editor.settings.initial' | translate }}</mat-label>
            <input
              matInput
              type="number"
              [ngModel]="v.initial"
              (ngModelChange)="setNumber(i, 'initial', $event)"
            />
          </mat-form-field>
          <mat-form-field class="narrow">
            <mat-label>{{ 'simulation.editor.settings.min' | translate }}</mat-label>
            <input
              matInput
              type="number"
              [ngModel]="v.min ?? null"
              (ngModelChange)="setNumber(i, 'min', $event)"
            />
          </mat-form-field>
          <mat-form-field class="narrow">
            <mat-label>{{ 'simulation.editor.settings.max' | translate }}</mat-label>
            <input
              matInput
              type="number"
              [ngModel]="v.max ?? null"
              (ngModelChange)="setNumber(i, 'max', $event)"
            />
          </mat-form-field>
          <sb-remove-row-button
            [label]="
              'simulation.editor.settings.removeVariable' | translate: { label: v.label || v.key }
            "
            (remove)="patch({ variables: removeAt(scenario().variables, i) })"
          />
        </div>
      }
      <button
        mat-stroked-button
        type="button"
        [disabled]="scenario().variables.length >= 20"
        (click)="addVariable()"
      >
        {{ 'simulation.editor.settings.addVariable' | translate }}
      </button>
    </fieldset>
    @if (keyError(); as err) {
      <p class="error" role="alert">{{ err | translate }}</p>
    }

    <fieldset>
      <legend>{{ 'simulation.editor.settings.completion' | translate }}</legend>
      <mat-radio-group
        class="radios"
        [value]="settings().completion"
        (change)="setSettings({ completion: $event.value })"
        [attr.aria-label]="'simulation.editor.settings.completion' | translate"
      >
        <mat-radio-button value="ending">{{
          'simulation.editor.settings.completionEnding' | translate
        }}</mat-radio-button>
        <mat-radio-button value="min-score">{{
          'simulation.editor.settings.completionScore' | translate
        }}</mat-radio-button>
      </mat-radio-group>
      @if (settings().completion === 'min-score') {
        <mat-form-field>
          <mat-label>{{ 'simulation.editor.settings.minScore' | translate }}</mat-label>
          <input
            matInput
            type="number"
            required
            [ngModel]="settings().minScore ?? null"
            (ngModelChange)="setMinScore($event)"
            data-path="settings.minScore"
          />
          <mat-hint>{{ 'simulation.editor.settings.minScoreHint' | translate }}</mat-hint>
        </mat-form-field>
      }
      <div class="sub" [id]="uid + '-counts'">
        {{ 'simulation.editor.settings.counts' | translate }}
      </div>
      <mat-radio-group
        class="radios"
        [value]="settings().counts"
        (change)="setSettings({ counts: $event.value })"
        [attr.aria-labelledby]="uid + '-counts'"
      >
        <mat-radio-button value="best">{{
          'simulation.editor.settings.countsBest' | translate
        }}</mat-radio-button>
        <mat-radio-button value="last">{{
          'simulation.editor.settings.countsLast' | translate
        }}</mat-radio-button>
      </mat-radio-group>
    </fieldset>
  `,
  styles: [
    EDITOR_FORM_STYLES,
    `
      .radios {
        display: flex;
        flex-direction: column;
        gap: 4px;
        margin-bottom: 8px;
      }
    `,
  ],
})
export class ScenarioSettingsComponent {
  readonly scenario = input.required<Scenario>();
  readonly settings = input.required<SimulationSettings>();
  readonly scenarioChange = output<Scenario>();
  readonly settingsChange = output<SimulationSettings>();

  private static next = 0;
  protected readonly uid = `sb-settings-${ScenarioSettingsComponent.next++}`;
  protected readonly removeAt = removeAt;
  /** Why the last key change was refused (translation key). */
  protected readonly keyError = signal<string | null>(null);

  protected patch(p: Partial<Scenario>): void {
    this.scenarioChange.emit({ ...this.scenario(), ...p });
  }

  protected setCompetency(i: number, p: Partial<Competency>): void {
    const list = this.scenario().competencies;
    this.patch({ competencies: replaceAt(list, i, { ...list[i], ...p }) });
  }

  protected setVariable(i: number, p: Partial<Variable>): void {
    const list = this.scenario().variables;
    const next: Variable = { ...list[i], ...p };
    if (next.min === undefined) delete next.min;
    if (next.max === undefined) delete next.max;
    this.patch({ variables: replaceAt(list, i, next) });
  }

  /** Initial keeps its value while the field holds no number; min and max become unbounded. */
  protected setNumber(i: number, key: 'initial' | 'min' | 'max', v: number | null): void {
    const n = typeof v === 'number' && Number.isFinite(v) ? v : undefined;
    if (key === 'initial' && n === undefined) return;
    this.setVariable(i, { [key]: n });
  }

  /** Renames a key everywhere it is used, or puts the old key back and says why. */
  protected renameCompetency(from: string, field: HTMLInputElement): void {
    this.rename(field, from, (to) => renameCompetency(this.scenario(), from, to));
  }

  protected renameVariable(from: string, field: HTMLInputElement): void {
    this.rename(field, from, (to) => renameVariable(this.scenario(), from, to));
  }

  private rename(
    field: HTMLInputElement,
    from: string,
    apply: (to: string) => Scenario | null,
  ): void {
    const to = field.value.trim();
    const next = apply(to);
    if (!next) {
      field.value = from;
      this.keyError.set('simulation.editor.settings.keyRefused');
      return;
    }
    this.keyError.set(null);
    this.scenarioChange.emit(next);
  }

  protected addCompetency(): void {
    const list = this.scenario().competencies;
    const key = uniqueKey(
      `kompetensi-${list.length + 1}`,
      list.map((c) => c.key),
    );
    this.patch({ competencies: [...list, { key, label: '' }] });
  }

  protected addVariable(): void {
    const list = this.scenario().variables;
    const key = uniqueKey(
      `variabel-${list.length + 1}`,
      list.map((v) => v.key),
    );
    this.patch({ variables: [...list, { key, label: '', initial: 0 }] });
  }

  protected setSettings(p: Partial<SimulationSettings>): void {
    const next: SimulationSettings = { ...this.settings(), ...p };
    if (next.completion === 'ending') delete next.minScore;
    else next.minScore ??= 0;
    this.settingsChange.emit(next);
  }

  protected setMinScore(v: number | null): void {
    if (typeof v === 'number' && Number.isFinite(v)) this.setSettings({ minScore: v });
  }
}
