import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { SimulationRunSummary } from '@siantar/contracts';
import { TableRegionComponent } from '@siantar/web-core';

/** The learner's runs of this lesson, newest first as the server sends them, and the one that counts. */
@Component({
  selector: 'sb-simulation-run-history',
  imports: [DatePipe, TranslatePipe, TableRegionComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3 class="sbs-sub" id="sbs-history-title">
      {{ 'simulation.player.history.title' | translate }}
    </h3>
    @if (counted(); as c) {
      <p data-testid="run-counted">
        {{
          'simulation.player.history.counted.' + counts()
            | translate
              : {
                  rating: c.rating ? ('simulation.player.rating.' + c.rating | translate) : '—',
                  score: c.totalScore,
                }
        }}
      </p>
    }
    <sb-table-region [label]="'simulation.player.history.title' | translate">
      <table class="sbs-table" data-testid="run-history" aria-labelledby="sbs-history-title">
        <thead>
          <tr>
            <th scope="col">{{ 'simulation.player.history.started' | translate }}</th>
            <th scope="col">{{ 'simulation.player.history.result' | translate }}</th>
            <th scope="col" class="sbs-num">{{ 'simulation.player.history.score' | translate }}</th>
            <th scope="col">{{ 'simulation.player.history.completes' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (r of runs(); track r.id) {
            <tr [attr.data-testid]="'run-' + r.id" [class.sbs-counted]="r.id === counted()?.id">
              <th scope="row">
                {{ r.startedAt | date: dateFormat }}
                @if (r.id === counted()?.id) {
                  <span class="sb-chip" data-testid="run-counts">{{
                    'simulation.player.history.counts' | translate
                  }}</span>
                }
              </th>
              <td>
                @if (r.rating) {
                  {{ 'simulation.player.rating.' + r.rating | translate }}
                } @else {
                  {{ 'simulation.player.history.unfinished' | translate }}
                }
              </td>
              <td class="sbs-num">{{ r.totalScore }}</td>
              <td>
                {{ (r.completes ? 'simulation.player.yes' : 'simulation.player.no') | translate }}
              </td>
            </tr>
          }
        </tbody>
      </table>
    </sb-table-region>
  `,
  styles: `
    :host {
      display: block;
    }
    .sbs-sub {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    .sbs-table {
      width: 100%;
      border-collapse: collapse;
      th,
      td {
        text-align: start;
        padding: 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      thead th {
        font: var(--mat-sys-label-large);
        color: var(--mat-sys-on-surface-variant);
      }
      tbody th {
        font-weight: normal;
      }
    }
    .sbs-num {
      text-align: end !important;
      font-variant-numeric: tabular-nums;
    }
    .sbs-counted {
      background: var(--mat-sys-secondary-container);
    }
    .sb-chip {
      margin-inline-start: 8px;
    }
  `,
})
export class RunHistoryComponent {
  readonly runs = input.required<readonly SimulationRunSummary[]>();
  readonly counted = input<SimulationRunSummary | null>(null);
  readonly counts = input<'best' | 'last'>('best');
  protected readonly dateFormat = 'd MMM y, HH.mm';
}
