import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { SimulationRunView } from '@siantar/contracts';

type RunVariable = SimulationRunView['variables'][number];

/** Share of the range, 0–100, for a meter's bar; null without both ends. */
export function meterPercent(v: RunVariable): number | null {
  if (v.min === null || v.max === null || v.max <= v.min) {
    return null;
  }
  const share = ((v.value - v.min) / (v.max - v.min)) * 100;
  return Math.round(Math.min(100, Math.max(0, share)));
}

/** The story's numbers the learner may see (as labelled meters) and the score per competency. */
@Component({
  selector: 'sb-simulation-run-status',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (variables().length) {
      <h3 class="sbs-sub">{{ 'simulation.player.status.variables' | translate }}</h3>
      <ul class="sbs-meters" data-testid="run-variables">
        @for (v of variables(); track v.key) {
          @let percent = meterPercent(v);
          <li [attr.data-testid]="'variable-' + v.key">
            <span class="sbs-meter-label" [id]="'sbs-var-' + v.key">{{ v.label }}</span>
            @if (percent !== null) {
              <span
                class="sbs-meter"
                role="meter"
                [attr.aria-labelledby]="'sbs-var-' + v.key"
                [attr.aria-valuenow]="v.value"
                [attr.aria-valuemin]="v.min"
                [attr.aria-valuemax]="v.max"
                [attr.aria-valuetext]="
                  'simulation.player.status.ofMax' | translate: { value: v.value, max: v.max }
                "
              >
                <span class="sbs-meter-fill" [style.width.%]="percent"></span>
              </span>
              <span class="sbs-meter-value" aria-hidden="true">{{ v.value }}/{{ v.max }}</span>
            } @else {
              <span class="sbs-meter-value">{{ v.value }}</span>
            }
          </li>
        }
      </ul>
    }
    <h3 class="sbs-sub">{{ 'simulation.player.status.scores' | translate }}</h3>
    <dl class="sbs-scores" data-testid="run-scores">
      @for (s of scores(); track s.key) {
        <div>
          <dt>{{ s.label }}</dt>
          <dd>{{ s.value }}</dd>
        </div>
      }
      <div class="sbs-total">
        <dt>{{ 'simulation.player.status.total' | translate }}</dt>
        <dd data-testid="run-total">{{ total() }}</dd>
      </div>
    </dl>
  `,
  styles: `
    :host {
      display: block;
    }
    .sbs-sub {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    .sbs-meters {
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
      display: grid;
      gap: 8px;
      li {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 2px 8px;
        align-items: center;
      }
    }
    .sbs-meter-label {
      grid-column: 1 / -1;
    }
    .sbs-meter {
      display: block;
      height: 10px;
      border-radius: 5px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .sbs-meter-fill {
      display: block;
      height: 100%;
      background: var(--mat-sys-primary);
      transition: width 0.3s ease;
    }
    .sbs-meter-value {
      font: var(--mat-sys-label-large);
      font-variant-numeric: tabular-nums;
    }
    .sbs-scores {
      margin: 0;
      display: grid;
      gap: 4px;
      div {
        display: flex;
        justify-content: space-between;
        gap: 8px;
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
    }
    .sbs-total {
      padding-top: 4px;
      border-top: 1px solid var(--mat-sys-outline-variant);
      font-weight: 600;
    }
    @media (prefers-reduced-motion: reduce) {
      .sbs-meter-fill {
        transition: none;
      }
    }
  `,
})
export class RunStatusComponent {
  readonly variables = input.required<SimulationRunView['variables']>();
  readonly scores = input.required<SimulationRunView['scores']>();
  readonly total = input.required<number>();

  protected readonly meterPercent = meterPercent;
}
