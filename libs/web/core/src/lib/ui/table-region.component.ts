import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A wide table's horizontal scroller (`.sb-table-scroll`): a named region that keyboard users
 * can focus, so that they can scroll it too. The table goes inside.
 */
@Component({
  selector: 'sb-table-region',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'sb-table-scroll',
    tabindex: '0',
    role: 'region',
    '[attr.aria-label]': 'label()',
  },
  template: '<ng-content />',
  styles: `
    :host {
      display: block;
    }
  `,
})
export class TableRegionComponent {
  readonly label = input.required<string>();
}
