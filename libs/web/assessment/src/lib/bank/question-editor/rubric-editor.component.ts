import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { type EditorCriterion, emptyCriterion, rubricMaxPoints } from '../question-draft';
import { ANSWER_ROW_STYLES } from './answer-rows.styles';
import { RowActionsComponent } from '../../shared/row-actions.component';

/** An essay's rubric: criteria, each with levels (points and what earns them). */
@Component({
  selector: 'sb-rubric-editor',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslatePipe,
    RowActionsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>{{ 'assessment.editor.rubric' | translate }}</legend>
      <p class="sb-muted sba-note">{{ 'assessment.editor.rubricHint' | translate }}</p>
      @for (c of rubric(); track c.id; let i = $index) {
        <section
          class="sba-criterion"
          [attr.aria-label]="'assessment.editor.criterionN' | translate: { n: i + 1 }"
        >
          <div class="sba-row">
            <mat-form-field class="sba-grow">
              <mat-label>{{ 'assessment.editor.criterionN' | translate: { n: i + 1 } }}</mat-label>
              <input matInput [(ngModel)]="c.name" maxlength="200" data-testid="criterion-name" />
            </mat-form-field>
            <sb-row-actions
              [rows]="rubric()"
              [index]="i"
              [count]="$count"
              [moveKeys]="moveKeys"
              removeKey="assessment.editor.removeCriterion"
            />
          </div>
          <div class="sba-levels">
            @for (l of c.levels; track $index; let j = $index) {
              <div
                class="sba-row"
                role="group"
                [attr.aria-label]="'assessment.editor.levelN' | translate: { n: j + 1 }"
              >
                <mat-form-field class="sba-small">
                  <mat-label>{{ 'assessment.editor.levelPoints' | translate }}</mat-label>
                  <input
                    matInput
                    type="number"
                    inputmode="decimal"
                    min="0"
                    step="any"
                    [(ngModel)]="l.points"
                  />
                </mat-form-field>
                <mat-form-field class="sba-grow">
                  <mat-label>{{
                    'assessment.editor.levelDescription' | translate: { n: j + 1 }
                  }}</mat-label>
                  <input matInput [(ngModel)]="l.description" maxlength="1000" />
                </mat-form-field>
                <sb-row-actions
                  [rows]="c.levels"
                  [index]="j"
                  [count]="$count"
                  [min]="1"
                  removeKey="assessment.editor.removeLevel"
                />
              </div>
            }
            <button
              mat-button
              type="button"
              (click)="addLevel(c)"
              [disabled]="c.levels.length >= 10"
            >
              <mat-icon svgIcon="add" aria-hidden="true" />
              {{ 'assessment.editor.addLevel' | translate }}
            </button>
          </div>
        </section>
      }
      <p class="sb-muted" aria-live="polite">
        {{ 'assessment.editor.rubricTotal' | translate: { points: total(), mark: mark() ?? 0 } }}
        @if (rubric().length && total() !== mark()) {
          {{ 'assessment.editor.rubricScaled' | translate }}
        }
      </p>
      <button
        mat-stroked-button
        type="button"
        (click)="addCriterion()"
        [disabled]="rubric().length >= 50"
      >
        <mat-icon svgIcon="add" aria-hidden="true" />
        {{ 'assessment.editor.addCriterion' | translate }}
      </button>
    </fieldset>
  `,
  styles: [
    ANSWER_ROW_STYLES,
    `
      .sba-criterion {
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        padding-bottom: 8px;
        margin-bottom: 8px;
      }
      .sba-levels {
        padding-inline-start: 24px;
      }
      @media (max-width: 599.98px) {
        .sba-levels {
          padding-inline-start: 8px;
        }
      }
    `,
  ],
})
export class RubricEditorComponent {
  readonly rubric = input.required<EditorCriterion[]>();
  /** The question's mark, to compare with the rubric's full points. */
  readonly mark = input<number | null>(null);

  protected readonly moveKeys = {
    up: 'assessment.editor.moveUp',
    down: 'assessment.editor.moveDown',
  };

  protected total(): number {
    return Math.round(rubricMaxPoints(this.rubric()) * 100) / 100;
  }

  protected addCriterion(): void {
    this.rubric().push(emptyCriterion(this.rubric().map((c) => c.id)));
  }

  protected addLevel(c: EditorCriterion): void {
    const top = Math.max(0, ...c.levels.map((l) => l.points ?? 0));
    c.levels.push({ points: top + 1, description: '' });
  }
}
