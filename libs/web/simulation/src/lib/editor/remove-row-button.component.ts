import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/**
 * The ✕ at the end of an editor row (an effect, a variable, a document line…): an icon button
 * named by `label`, both as its accessible name and its tooltip. It carries the row's
 * `row-actions` class, so the form's shared styles place it.
 */
@Component({
  selector: 'sb-remove-row-button',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'row-actions' },
  template: `
    <button
      mat-icon-button
      type="button"
      [disabled]="disabled()"
      (click)="remove.emit()"
      [attr.aria-label]="label()"
      [title]="label()"
    >
      <span aria-hidden="true">✕</span>
    </button>
  `,
})
export class RemoveRowButtonComponent {
  readonly label = input.required<string>();
  readonly disabled = input(false);
  readonly remove = output<void>();
}
