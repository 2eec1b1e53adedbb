import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * The buttons at the end of an editor row (answers, rubric, quiz slots): move up and down (when
 * `moveKeys` is given) and remove. Like the editors around it, it edits `rows` in place.
 * Projected content (such as "mark correct") comes first.
 */
@Component({
  selector: 'sb-row-actions',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'sba-row-actions' },
  template: `
    <ng-content />
    @if (moveKeys(); as keys) {
      <button
        mat-icon-button
        type="button"
        (click)="move(-1)"
        [disabled]="index() === 0"
        [attr.aria-label]="keys.up | translate: { n: index() + 1 }"
        [title]="keys.up | translate: { n: index() + 1 }"
      >
        <mat-icon svgIcon="sba-up" aria-hidden="true" />
      </button>
      <button
        mat-icon-button
        type="button"
        (click)="move(1)"
        [disabled]="index() === count() - 1"
        [attr.aria-label]="keys.down | translate: { n: index() + 1 }"
        [title]="keys.down | translate: { n: index() + 1 }"
      >
        <mat-icon svgIcon="sba-down" aria-hidden="true" />
      </button>
    }
    <button
      mat-icon-button
      type="button"
      (click)="rows().splice(index(), 1)"
      [disabled]="count() <= min()"
      [attr.aria-label]="removeKey() | translate: { n: index() + 1 }"
      [title]="removeKey() | translate: { n: index() + 1 }"
    >
      <mat-icon svgIcon="sba-delete" aria-hidden="true" />
    </button>
  `,
})
export class RowActionsComponent {
  readonly rows = input.required<unknown[]>();
  readonly index = input.required<number>();
  /**
   * `rows.length`, passed on its own: the array is edited in place, so only a changed number
   * makes an OnPush view re-check its disabled buttons.
   */
  readonly count = input.required<number>();
  /** Removing stops at this many rows. */
  readonly min = input(0);
  /** Translation keys of the move buttons (given `n`); without them the row does not move. */
  readonly moveKeys = input<{ up: string; down: string } | null>(null);
  /** Translation key of the remove button (given `n`). */
  readonly removeKey = input.required<string>();

  protected move(delta: number): void {
    const rows = this.rows();
    const [row] = rows.splice(this.index(), 1);
    if (row !== undefined) {
      rows.splice(this.index() + delta, 0, row);
    }
  }
}
