import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { FormPractice, PracticeDocument, PracticeField } from '@siantar/scenario';
import { EDITOR_FORM_STYLES } from './editor-styles';
import { RemoveRowButtonComponent } from './remove-row-button.component';
import { moveItem, optionalText, removeAt, replaceAt, uniqueKey } from './list-edit';

const FIELD_TYPES: PracticeField['type'][] = ['text', 'number', 'date', 'select'];
const MATCHES: NonNullable<PracticeField['match']>[] = ['case-insensitive', 'exact', 'digits'];

/**
 * A mock service application's form: the documents the citizen brought (shown beside it) and
 * the fields, each with its rule, the answer the documents give and why.
 */
@Component({
  selector: 'sb-form-practice-editor',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    RemoveRowButtonComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field>
      <mat-label>{{ 'simulation.editor.practice.screenTitle' | translate }}</mat-label>
      <input
        matInput
        [ngModel]="practice().screenTitle"
        (ngModelChange)="patch({ screenTitle: $event })"
        data-path="practice.screenTitle"
      />
    </mat-form-field>

    <div class="sub">{{ 'simulation.editor.practice.documents' | translate }}</div>
    @for (d of practice().documents; track $index; let i = $index) {
      <fieldset>
        <legend>
          {{ d.title || ('simulation.editor.practice.documentN' | translate: { n: i + 1 }) }}
        </legend>
        <mat-form-field>
          <mat-label>{{ 'simulation.editor.practice.documentTitle' | translate }}</mat-label>
          <input
            matInput
            [ngModel]="d.title"
            (ngModelChange)="setDocument(i, { title: $event })"
            [attr.data-path]="'practice.documents[' + i + '].title'"
          />
        </mat-form-field>
        @for (l of d.lines; track $index; let j = $index) {
          <div
            class="row"
            role="group"
            [attr.aria-label]="'simulation.editor.practice.lineN' | translate: { n: j + 1 }"
          >
            <mat-form-field>
              <mat-label>{{ 'simulation.editor.practice.lineLabel' | translate }}</mat-label>
              <input
                matInput
                [ngModel]="l.label"
                (ngModelChange)="setLine(i, j, { label: $event })"
              />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'simulation.editor.practice.lineValue' | translate }}</mat-label>
              <input
                matInput
                [ngModel]="l.value"
                (ngModelChange)="setLine(i, j, { value: $event })"
              />
            </mat-form-field>
            <sb-remove-row-button
              [label]="'simulation.editor.practice.removeLine' | translate: { n: j + 1 }"
              (remove)="setDocument(i, { lines: removeAt(d.lines, j) })"
            />
          </div>
        }
        <div class="actions">
          <button
            mat-stroked-button
            type="button"
            [disabled]="d.lines.length >= 40"
            (click)="setDocument(i, { lines: [...d.lines, { label: '', value: '' }] })"
          >
            {{ 'simulation.editor.practice.addLine' | translate }}
          </button>
          <button
            mat-button
            type="button"
            (click)="patch({ documents: removeAt(practice().documents, i) })"
          >
            {{
              'simulation.editor.practice.removeDocument' | translate: { title: d.title || i + 1 }
            }}
          </button>
        </div>
      </fieldset>
    }
    <button
      mat-stroked-button
      type="button"
      [disabled]="practice().documents.length >= 20"
      (click)="
        patch({
          documents: [...practice().documents, { title: '', lines: [{ label: '', value: '' }] }],
        })
      "
    >
      {{ 'simulation.editor.practice.addDocument' | translate }}
    </button>

    <div class="sub">{{ 'simulation.editor.practice.fields' | translate }}</div>
    @for (
      f of practice().fields;
      track $index;
      let i = $index;
      let first = $first;
      let last = $last
    ) {
      <details open>
        <summary>
          {{ f.label || f.key }} · {{ 'simulation.editor.practice.type.' + f.type | translate }}
        </summary>
        <div class="grid">
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.practice.fieldLabel' | translate }}</mat-label>
            <input
              matInput
              [ngModel]="f.label"
              (ngModelChange)="setField(i, { label: $event })"
              [attr.data-path]="'practice.fields[' + i + '].label'"
            />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.practice.fieldKey' | translate }}</mat-label>
            <input
              matInput
              class="sb-mono"
              [ngModel]="f.key"
              (ngModelChange)="setField(i, { key: $event })"
              [attr.data-path]="'practice.fields[' + i + '].key'"
            />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.practice.fieldType' | translate }}</mat-label>
            <mat-select [value]="f.type" (valueChange)="setField(i, { type: $event })">
              @for (t of types; track t) {
                <mat-option [value]="t">{{
                  'simulation.editor.practice.type.' + t | translate
                }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        @if (f.type === 'select') {
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.practice.options' | translate }}</mat-label>
            <textarea
              matInput
              rows="3"
              #optionsText
              [value]="(f.options ?? []).join('\\n')"
              (change)="setOptions(i, optionsText.value)"
              [attr.data-path]="'practice.fields[' + i + '].options'"
            ></textarea>
            <mat-hint>{{ 'simulation.editor.practice.optionsHint' | translate }}</mat-hint>
          </mat-form-field>
        }
        <mat-checkbox
          class="check"
          [checked]="f.required"
          (change)="setField(i, { required: $event.checked })"
        >
          {{ 'simulation.editor.practice.required' | translate }}
        </mat-checkbox>
        <div class="grid">
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.practice.pattern' | translate }}</mat-label>
            <input
              matInput
              class="sb-mono"
              [ngModel]="f.pattern ?? ''"
              (ngModelChange)="setField(i, { pattern: optional($event) })"
              [attr.data-path]="'practice.fields[' + i + '].pattern'"
            />
            <mat-hint>{{ 'simulation.editor.practice.patternHint' | translate }}</mat-hint>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.practice.patternMessage' | translate }}</mat-label>
            <input
              matInput
              [ngModel]="f.patternMessage ?? ''"
              (ngModelChange)="setField(i, { patternMessage: optional($event) })"
            />
          </mat-form-field>
        </div>
        <div class="grid">
          @if (f.type === 'select') {
            <mat-form-field>
              <mat-label>{{ 'simulation.editor.practice.expected' | translate }}</mat-label>
              <mat-select
                [value]="f.expected"
                (valueChange)="setField(i, { expected: $event })"
                [attr.data-path]="'practice.fields[' + i + '].expected'"
              >
                @for (o of f.options ?? []; track $index) {
                  <mat-option [value]="o">{{ o }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          } @else {
            <mat-form-field>
              <mat-label>{{ 'simulation.editor.practice.expected' | translate }}</mat-label>
              <input
                matInput
                [type]="f.type === 'date' ? 'date' : 'text'"
                [ngModel]="f.expected"
                (ngModelChange)="setField(i, { expected: $event ?? '' })"
                [attr.data-path]="'practice.fields[' + i + '].expected'"
              />
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>{{ 'simulation.editor.practice.match' | translate }}</mat-label>
            <mat-select
              [value]="f.match ?? 'case-insensitive'"
              (valueChange)="setField(i, { match: $event })"
            >
              @for (m of matches; track m) {
                <mat-option [value]="m">{{
                  'simulation.editor.practice.matchKind.' + m | translate
                }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{ 'simulation.editor.practice.explain' | translate }}</mat-label>
          <textarea
            matInput
            rows="2"
            [ngModel]="f.explain"
            (ngModelChange)="setField(i, { explain: $event })"
            [attr.data-path]="'practice.fields[' + i + '].explain'"
          ></textarea>
          <mat-hint>{{ 'simulation.editor.practice.explainHint' | translate }}</mat-hint>
        </mat-form-field>
        <div class="actions">
          <button mat-button type="button" [disabled]="first" (click)="moveField(i, -1)">
            ↑ {{ 'simulation.editor.choice.upShort' | translate }}
          </button>
          <button mat-button type="button" [disabled]="last" (click)="moveField(i, 1)">
            ↓ {{ 'simulation.editor.choice.downShort' | translate }}
          </button>
          <button
            mat-button
            type="button"
            (click)="patch({ fields: removeAt(practice().fields, i) })"
          >
            {{ 'simulation.editor.practice.removeField' | translate: { label: f.label || f.key } }}
          </button>
        </div>
      </details>
    }
    <button
      mat-stroked-button
      type="button"
      [disabled]="practice().fields.length >= 50"
      (click)="addField()"
      data-path="practice.fields"
    >
      {{ 'simulation.editor.practice.addField' | translate }}
    </button>
  `,
  styles: EDITOR_FORM_STYLES,
})
export class FormPracticeEditorComponent {
  readonly practice = input.required<FormPractice>();
  readonly practiceChange = output<FormPractice>();

  protected readonly types = FIELD_TYPES;
  protected readonly matches = MATCHES;
  protected readonly removeAt = removeAt;
  protected readonly optional = optionalText;

  protected patch(p: Partial<FormPractice>): void {
    this.practiceChange.emit({ ...this.practice(), ...p });
  }

  protected setDocument(i: number, p: Partial<PracticeDocument>): void {
    const docs = this.practice().documents;
    this.patch({ documents: replaceAt(docs, i, { ...docs[i], ...p }) });
  }

  protected setLine(i: number, j: number, p: Partial<PracticeDocument['lines'][number]>): void {
    const lines = this.practice().documents[i].lines;
    this.setDocument(i, { lines: replaceAt(lines, j, { ...lines[j], ...p }) });
  }

  protected setField(i: number, p: Partial<PracticeField>): void {
    const fields = this.practice().fields;
    const next: PracticeField = { ...fields[i], ...p };
    if (next.type !== 'select') delete next.options;
    else next.options ??= [];
    for (const k of ['pattern', 'patternMessage'] as const)
      if (next[k] === undefined) delete next[k];
    if (next.match === 'case-insensitive') delete next.match;
    this.patch({ fields: replaceAt(fields, i, next) });
  }

  /** One option a line; blank lines are dropped. */
  protected setOptions(i: number, text: string): void {
    const options = text
      .split('\n')
      .map((o) => o.trim())
      .filter((o) => o !== '');
    this.setField(i, { options });
  }

  protected moveField(i: number, delta: number): void {
    this.patch({ fields: moveItem(this.practice().fields, i, delta) });
  }

  protected addField(): void {
    const fields = this.practice().fields;
    const key = uniqueKey(
      `isian-${fields.length + 1}`,
      fields.map((f) => f.key),
    );
    this.patch({
      fields: [
        ...fields,
        { key, label: '', type: 'text', required: true, expected: '', explain: '' },
      ],
    });
  }
}
