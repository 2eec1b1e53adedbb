import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatRadioModule } from '@angular/material/radio';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * One answer from a list (single choice, true/false): a radio group, arrow keys move
 * between the choices as usual.
 */
@Component({
  selector: 'sb-choice-question',
  imports: [MatRadioModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-radio-group
      class="sb-choices"
      [attr.aria-labelledby]="labelledBy()"
      [value]="selected()"
      [disabled]="disabled()"
      (change)="selectedChange.emit($event.value)"
    >
      @for (c of choices(); track c.id) {
        <mat-radio-button class="sb-choice" [value]="c.id" [attr.data-testid]="'choice-' + c.id">
          {{ translateTexts() ? (c.text | translate) : c.text }}
        </mat-radio-button>
      }
    </mat-radio-group>
  `,
  styles: `
    .sb-choices {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .sb-choice {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding-inline-end: 12px;
      overflow-wrap: anywhere;
    }
  `,
})
export class ChoiceQuestionComponent {
  readonly choices = input.required<readonly { id: string; text: string }[]>();
  readonly selected = input<string | null>(null);
  /** The texts are translation keys (true/false). */
  readonly translateTexts = input(false);
  readonly disabled = input(false);
  /** Id of the question's heading/text, which names the group. */
  readonly labelledBy = input<string | null>(null);
  readonly selectedChange = output<string>();
}
