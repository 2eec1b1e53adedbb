import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatRadioModule } from '@angular/material/radio';
import { TranslatePipe } from '@ngx-translate/core';

/** The five points of every Likert item (1 = sangat tidak setuju … 5 = sangat setuju). */
export const LIKERT_SCALE = [1, 2, 3, 4, 5] as const;

/**
 * A Likert item's five radio buttons (arrow keys move between them), each named for screen
 * readers ("4 — Setuju"), the two ends written out beneath. The question is the group's label
 * (`labelledBy`), an error or hint its description (`describedBy`).
 */
@Component({
  selector: 'sb-likert-scale',
  imports: [MatRadioModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-radio-group
      class="scale"
      [name]="name()"
      [value]="value()"
      [disabled]="disabled()"
      [required]="required()"
      [attr.aria-labelledby]="labelledBy()"
      [attr.aria-describedby]="describedBy()"
      [attr.aria-invalid]="invalid() ? 'true' : null"
      [attr.aria-required]="required() ? 'true' : null"
      (change)="changed.emit($any($event.value))"
    >
      @for (n of scale; track n) {
        <mat-radio-button
          [value]="n"
          [attr.data-score]="n"
          [aria-label]="n + ' — ' + ('evaluation.likert.' + n | translate)"
          >{{ n }}</mat-radio-button
        >
      }
    </mat-radio-group>
    <div class="ends sb-muted" aria-hidden="true">
      <span>1 = {{ 'evaluation.likert.1' | translate }}</span>
      <span>5 = {{ 'evaluation.likert.5' | translate }}</span>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .scale {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
    }
    .ends {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 4px 16px;
      max-width: 420px;
    }
  `,
})
export class LikertScaleComponent {
  /** The radio group's name (unique on the page). */
  readonly name = input.required<string>();
  readonly labelledBy = input.required<string>();
  readonly describedBy = input<string | null>(null);
  readonly value = input<number | null>(null);
  readonly required = input(false);
  readonly invalid = input(false);
  readonly disabled = input(false);
  readonly changed = output<number>();

  protected readonly scale = LIKERT_SCALE;
}
