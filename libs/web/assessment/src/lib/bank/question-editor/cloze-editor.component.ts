import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  input,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import {
  type EditorGap,
  type QuestionEditorModel,
  gapIdsInText,
  nextGapId,
  syncGaps,
} from '../question-draft';
import { ANSWER_ROW_STYLES } from './answer-rows.styles';
import { ChoiceAnswersComponent } from './choice-answers.component';
import { NumericalAnswersComponent } from './numerical-answers.component';
import { TextAnswersComponent } from './text-answers.component';

/** Cloze: a text with `{{gapId}}` gaps, each gap a short answer, a number or a choice. */
@Component({
  selector: 'sb-cloze-editor',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ChoiceAnswersComponent,
    NumericalAnswersComponent,
    TextAnswersComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>{{ 'assessment.editor.clozeText' | translate }}</legend>
      <p class="sb-muted sba-note" id="sba-cloze-hint">
        {{ 'assessment.editor.clozeHint' | translate }}
      </p>
      <mat-form-field class="sba-full">
        <mat-label>{{ 'assessment.editor.clozeText' | translate }}</mat-label>
        <textarea
          #clozeText
          matInput
          rows="6"
          class="sb-mono"
          aria-describedby="sba-cloze-hint"
          [(ngModel)]="model().clozeText"
          (ngModelChange)="sync()"
          data-testid="cloze-text"
        ></textarea>
      </mat-form-field>
      <button mat-stroked-button type="button" (click)="insertGap()">
        <mat-icon svgIcon="add" aria-hidden="true" />
        {{ 'assessment.editor.insertGap' | translate }}
      </button>
    </fieldset>

    @for (g of model().gaps; track g.id) {
      <fieldset class="sba-gap" [class.sba-unused]="!used(g)">
        <legend>
          {{ 'assessment.editor.gapN' | translate: { gap: g.id } }}
          <code class="sb-code">{{ marker(g.id) }}</code>
        </legend>
        @if (!used(g)) {
          <p class="sb-error-text">
            {{ 'assessment.editor.errors.gapUnused' | translate: { gap: g.id } }}
            <button mat-button type="button" (click)="removeGap(g)">
              {{ 'assessment.editor.removeGap' | translate }}
            </button>
          </p>
        }
        <div class="sba-row">
          <mat-form-field class="sba-grow">
            <mat-label>{{ 'assessment.editor.gapType' | translate }}</mat-label>
            <mat-select [(ngModel)]="g.type">
              <mat-option value="short-answer">{{
                'assessment.type.short-answer' | translate
              }}</mat-option>
              <mat-option value="numerical">{{
                'assessment.type.numerical' | translate
              }}</mat-option>
              <mat-option value="single-choice">{{
                'assessment.type.single-choice' | translate
              }}</mat-option>
            </mat-select>
          </mat-form-field>
          <mat-form-field class="sba-small">
            <mat-label>{{ 'assessment.editor.gapWeight' | translate }}</mat-label>
            <input matInput type="number" min="0.1" step="any" [(ngModel)]="g.weight" />
          </mat-form-field>
          @if (g.type === 'short-answer') {
            <mat-checkbox [(ngModel)]="g.caseSensitive">{{
              'assessment.editor.caseSensitive' | translate
            }}</mat-checkbox>
          }
        </div>
        @switch (g.type) {
          @case ('short-answer') {
            <sb-text-answers [answers]="g.textAnswers" />
          }
          @case ('numerical') {
            <sb-numerical-answers [answers]="g.numerical" />
          }
          @case ('single-choice') {
            <sb-choice-answers [answers]="g.choices" mode="single" />
          }
        }
      </fieldset>
    }
  `,
  styles: [
    ANSWER_ROW_STYLES,
    `
      :host {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .sba-full {
        width: 100%;
      }
      .sba-gap.sba-unused {
        border-color: var(--mat-sys-error);
      }
    `,
  ],
})
export class ClozeEditorComponent {
  readonly model = input.required<QuestionEditorModel>();
  private readonly textarea = viewChild<ElementRef<HTMLTextAreaElement>>('clozeText');

  protected used(gap: EditorGap): boolean {
    return gapIdsInText(this.model().clozeText).includes(gap.id);
  }

  protected marker(id: string): string {
    return `{{${id}}}`;
  }

  protected sync(): void {
    syncGaps(this.model());
  }

  /** Puts `{{gN}}` at the cursor (or the end) and defines the gap. */
  protected insertGap(): void {
    const m = this.model();
    const id = nextGapId(m);
    const marker = this.marker(id);
    const el = this.textarea()?.nativeElement;
    const at = el ? el.selectionStart : m.clozeText.length;
    m.clozeText = `${m.clozeText.slice(0, at)}${marker}${m.clozeText.slice(at)}`;
    syncGaps(m);
    if (el) {
      el.value = m.clozeText;
      el.focus();
      el.setSelectionRange(at + marker.length, at + marker.length);
    }
  }

  protected removeGap(gap: EditorGap): void {
    const gaps = this.model().gaps;
    gaps.splice(gaps.indexOf(gap), 1);
  }
}
