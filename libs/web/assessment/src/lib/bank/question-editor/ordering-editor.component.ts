import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslatePipe } from '@ngx-translate/core';
import { type QuestionEditorModel, newId } from '../question-draft';
import { ANSWER_ROW_STYLES } from './answer-rows.styles';
import { RowActionsComponent } from '../../shared/row-actions.component';

/** Ordering: items written in the right order; learners see them shuffled. */
@Component({
  selector: 'sb-ordering-editor',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    TranslatePipe,
    RowActionsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>{{ 'assessment.editor.items' | translate }}</legend>
      <p class="sb-muted sba-note">{{ 'assessment.editor.itemsHint' | translate }}</p>
      @for (item of model().items; track item.id; let i = $index) {
        <div class="sba-row">
          <mat-form-field class="sba-grow">
            <mat-label>{{ 'assessment.editor.itemN' | translate: { n: i + 1 } }}</mat-label>
            <input matInput [(ngModel)]="item.text" maxlength="1000" data-testid="ordering-item" />
          </mat-form-field>
          <sb-row-actions
            [rows]="model().items"
            [index]="i"
            [count]="$count"
            [min]="2"
            [moveKeys]="moveKeys"
            removeKey="assessment.editor.removeItem"
          />
        </div>
      }
      <button
        mat-stroked-button
        type="button"
        (click)="add()"
        [disabled]="model().items.length >= 50"
      >
        <mat-icon svgIcon="add" aria-hidden="true" />
        {{ 'assessment.editor.addItem' | translate }}
      </button>
    </fieldset>
    <mat-radio-group
      class="sba-radios"
      [(ngModel)]="model().orderingScoring"
      [attr.aria-label]="'assessment.editor.scoring' | translate"
    >
      <mat-radio-button value="partial">{{
        'assessment.editor.scoringPartial' | translate
      }}</mat-radio-button>
      <mat-radio-button value="all-or-nothing">{{
        'assessment.editor.scoringAllOrNothing' | translate
      }}</mat-radio-button>
    </mat-radio-group>
  `,
  styles: [
    ANSWER_ROW_STYLES,
    `
      .sba-radios {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        margin-top: 8px;
      }
    `,
  ],
})
export class OrderingEditorComponent {
  readonly model = input.required<QuestionEditorModel>();

  protected readonly moveKeys = {
    up: 'assessment.editor.moveItemUp',
    down: 'assessment.editor.moveItemDown',
  };

  protected add(): void {
    const items = this.model().items;
    items.push({
      id: newId(
        'i',
        items.map((i) => i.id),
      ),
      text: '',
    });
  }
}
