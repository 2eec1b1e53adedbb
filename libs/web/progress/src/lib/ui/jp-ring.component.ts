import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ringGeometry } from './ring-geometry';

/**
 * "14 / 20 JP" as an SVG ring. The wrapper is a `progressbar` whose value and text say the
 * same as the picture, which is hidden from screen readers.
 */
@Component({
  selector: 'sb-jp-ring',
  imports: [DecimalPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="ring"
      role="progressbar"
      data-testid="jp-ring"
      [attr.aria-label]="label() | translate"
      aria-valuemin="0"
      [attr.aria-valuemax]="target() ?? null"
      [attr.aria-valuenow]="jp()"
      [attr.aria-valuetext]="
        (target() === null ? 'progress.ring.valueNoTarget' : 'progress.ring.value')
          | translate: { jp: (jp() | number: '1.0-1'), target: target() }
      "
      [attr.data-jp]="jp()"
      [style.width.px]="size()"
      [style.height.px]="size()"
    >
      <svg [attr.viewBox]="'0 0 ' + size() + ' ' + size()" aria-hidden="true" focusable="false">
        <circle
          class="track"
          [attr.cx]="size() / 2"
          [attr.cy]="size() / 2"
          [attr.r]="geometry().radius"
          [attr.stroke-width]="stroke()"
        />
        <circle
          class="fill"
          [class.reached]="geometry().reached"
          [attr.cx]="size() / 2"
          [attr.cy]="size() / 2"
          [attr.r]="geometry().radius"
          [attr.stroke-width]="stroke()"
          [attr.stroke-dasharray]="geometry().circumference"
          [attr.stroke-dashoffset]="geometry().dashOffset"
          [attr.transform]="'rotate(-90 ' + size() / 2 + ' ' + size() / 2 + ')'"
        />
      </svg>
      <div class="centre" aria-hidden="true">
        <span class="value" data-testid="jp-ring-value">{{ jp() | number: '1.0-1' }}</span>
        <span class="of">
          @if (target() !== null) {
            / {{ target() }}
          }
          JP
        </span>
      </div>
    </div>
  `,
  styles: `
    :host {
      display: inline-block;
    }
    .ring {
      position: relative;
    }
    svg {
      width: 100%;
      height: 100%;
      display: block;
    }
    circle {
      fill: none;
    }
    .track {
      stroke: var(--mat-sys-surface-container-highest);
    }
    .fill {
      stroke: var(--mat-sys-primary);
      stroke-linecap: round;
      transition: stroke-dashoffset 600ms ease;
    }
    .fill.reached {
      stroke: var(--mat-sys-tertiary);
    }
    @media (prefers-reduced-motion: reduce) {
      .fill {
        transition: none;
      }
    }
    .centre {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      line-height: 1.1;
    }
    .value {
      font: var(--mat-sys-headline-medium);
    }
    .of {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class JpRingComponent {
  readonly jp = input.required<number>();
  readonly target = input<number | null>(null);
  /** Translation key of the accessible name. */
  readonly label = input('progress.ring.label');
  readonly size = input(132);
  readonly stroke = input(12);

  protected readonly geometry = computed(() =>
    ringGeometry(this.jp(), this.target(), this.size(), this.stroke()),
  );
}
