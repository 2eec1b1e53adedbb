import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { looksNumeric } from '../answers';

/**
 * A typed answer: short answer, or a number (a text field too, so that `3,14` works; the
 * keyboard on phones offers digits and separators).
 */
@Component({
  selector: 'sb-text-question',
  imports: [MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="sb-field">
      <mat-label>{{
        (numeric() ? 'quiz.question.numberLabel' : 'quiz.question.answerLabel') | translate
      }}</mat-label>
      <input
        #box
        matInput
        type="text"
        autocomplete="off"
        [attr.inputmode]="numeric() ? 'decimal' : null"
        [value]="text()"
        [disabled]="disabled()"
        maxlength="1000"
        data-testid="text-answer"
        (input)="textChange.emit(box.value)"
      />
      @if (notANumber()) {
        <mat-hint class="sb-warn" data-testid="not-a-number">{{
          'quiz.question.notANumber' | translate
        }}</mat-hint>
      } @else if (numeric()) {
        <mat-hint>{{ 'quiz.question.numberHint' | translate }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    .sb-field {
      width: 100%;
      max-width: 28rem;
    }
    .sb-warn {
      color: var(--mat-sys-error);
    }
  `,
})
export class TextQuestionComponent {
  readonly text = input('');
  readonly numeric = input(false);
  readonly disabled = input(false);
  readonly textChange = output<string>();

  protected readonly notANumber = computed(
    () => this.numeric() && this.text().trim() !== '' && !looksNumeric(this.text()),
  );
}
