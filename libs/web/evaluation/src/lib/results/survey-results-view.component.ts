import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type {
  SurveyCommentGroup,
  SurveyDimensionResult,
  SurveyIndividualResponse,
  SurveyItemResult,
  SurveyScoreSummary,
} from '@siantar/contracts';
import { TableRegionComponent } from '@siantar/web-core';
import { type BarSeries, BarChartComponent } from '@siantar/web-charts';
import { LIKERT_SCALE } from '../ui/likert-scale.component';

/** What the results view shows: a course's or session's survey, or a trainer's totals. */
export interface SurveyResultsData {
  overall: SurveyScoreSummary | null;
  dimensions: SurveyDimensionResult[];
  items?: SurveyItemResult[];
  comments: (SurveyCommentGroup & { targetTitle?: string })[];
  individual?: SurveyIndividualResponse[] | null;
  individualVisible?: boolean;
  /** Item texts by id, for the individual answers. */
  itemTexts?: Record<string, string>;
}

/** Share of each score in a distribution, in percent (0 without answers). */
export function distributionPercent(distribution: readonly number[]): number[] {
  const total = distribution.reduce((a, b) => a + b, 0);
  return distribution.map((n) => (total ? Math.round((1000 * n) / total) / 10 : 0));
}

/**
 * Survey aggregates: averages per dimension (chart and table), the overall distribution of
 * scores 1–5 (chart and table), each item's average and distribution, the comments, and the
 * individual responses only when the API sent them.
 */
@Component({
  selector: 'sb-survey-results-view',
  imports: [DatePipe, DecimalPipe, TranslatePipe, TableRegionComponent, BarChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = data();
    @if (d.overall; as o) {
      <p class="sbe-key" data-testid="results-overall">
        <span class="sbe-figure">{{
          o.average === null ? '—' : (o.average | number: '1.2-2')
        }}</span>
        <span>{{ 'evaluation.results.overall' | translate: { n: o.answers } }}</span>
      </p>
    }
    <div class="sbe-two">
      <section aria-labelledby="sbe-dims">
        <h2 id="sbe-dims">{{ 'evaluation.results.byDimension' | translate }}</h2>
        <sb-bar-chart
          [categories]="dimensionLabels()"
          [series]="dimensionSeries()"
          [horizontal]="true"
          [min]="0"
          [max]="5"
          [height]="48 + 36 * d.dimensions.length"
        />
        <sb-table-region [label]="'evaluation.results.byDimension' | translate">
          <table class="sbe-table" data-testid="results-dimensions">
            <thead>
              <tr>
                <th scope="col">{{ 'evaluation.results.dimension' | translate }}</th>
                <th scope="col" class="sbe-num">{{ 'evaluation.results.average' | translate }}</th>
                <th scope="col" class="sbe-num">{{ 'evaluation.results.answers' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (r of d.dimensions; track r.dimension) {
                <tr>
                  <th scope="row">{{ 'evaluation.dimension.' + r.dimension | translate }}</th>
                  <td class="sbe-num">
                    {{ r.average === null ? '—' : (r.average | number: '1.2-2') }}
                  </td>
                  <td class="sbe-num">{{ r.answers }}</td>
                </tr>
              }
            </tbody>
          </table>
        </sb-table-region>
      </section>
      @if (d.overall; as o) {
        <section aria-labelledby="sbe-dist">
          <h2 id="sbe-dist">{{ 'evaluation.results.distribution' | translate }}</h2>
          <sb-bar-chart [categories]="scaleLabels" [series]="distributionSeries()" />
          <sb-table-region [label]="'evaluation.results.distribution' | translate">
            <table class="sbe-table" data-testid="results-distribution">
              <thead>
                <tr>
                  <th scope="col">{{ 'evaluation.results.score' | translate }}</th>
                  <th scope="col" class="sbe-num">
                    {{ 'evaluation.results.answers' | translate }}
                  </th>
                  <th scope="col" class="sbe-num">%</th>
                </tr>
              </thead>
              <tbody>
                @for (n of scale; track n; let i = $index) {
                  <tr>
                    <th scope="row">{{ n }} — {{ 'evaluation.likert.' + n | translate }}</th>
                    <td class="sbe-num">{{ o.distribution[i] }}</td>
                    <td class="sbe-num">
                      {{ distributionPercent(o.distribution)[i] | number: '1.0-1' }}
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </sb-table-region>
        </section>
      }
    </div>

    @if (d.items?.length) {
      <section class="sb-section" aria-labelledby="sbe-items">
        <h2 id="sbe-items">{{ 'evaluation.results.byItem' | translate }}</h2>
        <sb-table-region [label]="'evaluation.results.byItem' | translate">
          <table class="sbe-table sbe-wide" data-testid="results-items">
            <thead>
              <tr>
                <th scope="col">{{ 'evaluation.results.item' | translate }}</th>
                <th scope="col">{{ 'evaluation.results.dimension' | translate }}</th>
                @for (n of scale; track n) {
                  <th scope="col" class="sbe-num">
                    <abbr [title]="'evaluation.likert.' + n | translate">{{ n }}</abbr>
                  </th>
                }
                <th scope="col" class="sbe-num">{{ 'evaluation.results.average' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (it of d.items; track it.itemId) {
                <tr>
                  <th scope="row">
                    {{ it.text }}
                    @if (it.retired) {
                      <span class="sb-chip sb-chip-off">{{
                        'evaluation.results.retired' | translate
                      }}</span>
                    }
                  </th>
                  <td>{{ 'evaluation.dimension.' + it.dimension | translate }}</td>
                  @for (n of it.distribution; track $index) {
                    <td class="sbe-num">{{ n }}</td>
                  }
                  <td class="sbe-num">
                    {{ it.average === null ? '—' : (it.average | number: '1.2-2') }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </sb-table-region>
      </section>
    }

    <section class="sb-section" aria-labelledby="sbe-comments">
      <h2 id="sbe-comments">{{ 'evaluation.results.comments' | translate }}</h2>
      @for (g of d.comments; track g.itemId + (g.targetTitle ?? '')) {
        <h3>
          {{ g.question }}
          @if (g.targetTitle) {
            <span class="sb-muted">· {{ g.targetTitle }}</span>
          }
        </h3>
        <ul class="sbe-comments" data-testid="results-comments">
          @for (c of g.comments; track $index) {
            <li>{{ c }}</li>
          }
        </ul>
      } @empty {
        <p class="sb-muted">{{ 'evaluation.results.noComments' | translate }}</p>
      }
    </section>

    @if (d.individual; as list) {
      <section class="sb-section" aria-labelledby="sbe-individual">
        <h2 id="sbe-individual">{{ 'evaluation.results.individual' | translate }}</h2>
        <p class="sb-muted">{{ 'evaluation.results.individualNote' | translate }}</p>
        <sb-table-region [label]="'evaluation.results.individual' | translate">
          <table class="sbe-table sbe-wide" data-testid="results-individual">
            <thead>
              <tr>
                <th scope="col">{{ 'evaluation.results.respondent' | translate }}</th>
                <th scope="col">{{ 'evaluation.results.submittedAt' | translate }}</th>
                <th scope="col">{{ 'evaluation.results.answersOf' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (r of list; track r.responseId) {
                <tr>
                  <th scope="row">
                    {{ r.name }}
                    <span class="sb-muted sbe-block">{{ r.nip ?? '' }} {{ r.orgUnitName }}</span>
                  </th>
                  <td>{{ r.submittedAt | date: 'medium' }}</td>
                  <td>
                    <ul class="sbe-answers">
                      @for (a of r.answers; track a.itemId) {
                        <li>
                          <span class="sb-muted">{{ d.itemTexts?.[a.itemId] ?? '' }}</span>
                          {{ a.score ?? a.text }}
                        </li>
                      }
                    </ul>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </sb-table-region>
      </section>
    } @else if (d.individualVisible === false) {
      <p class="sb-muted sb-section" data-testid="results-no-individual">
        {{ 'evaluation.results.individualHidden' | translate }}
      </p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .sbe-key {
      display: flex;
      align-items: baseline;
      gap: 8px;
      flex-wrap: wrap;
    }
    .sbe-figure {
      font: var(--mat-sys-display-small);
      color: var(--mat-sys-primary);
    }
    .sbe-two {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 360px), 1fr));
      gap: 24px;
      h2 {
        font: var(--mat-sys-title-large);
      }
    }
    .sbe-table {
      width: 100%;
      border-collapse: collapse;
      th,
      td {
        text-align: start;
        padding: 6px 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        vertical-align: top;
      }
      th[scope='row'] {
        font-weight: normal;
      }
    }
    .sbe-wide {
      min-width: 640px;
    }
    .sbe-num {
      text-align: end !important;
      font-variant-numeric: tabular-nums;
    }
    .sbe-block {
      display: block;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    .sbe-comments,
    .sbe-answers {
      margin: 0;
      padding-inline-start: 20px;
      li {
        overflow-wrap: anywhere;
        margin-bottom: 4px;
      }
    }
  `,
})
export class SurveyResultsViewComponent {
  private readonly translate = inject(TranslateService);

  readonly data = input.required<SurveyResultsData>();

  protected readonly scale = LIKERT_SCALE;
  protected readonly scaleLabels = LIKERT_SCALE.map(String);
  protected readonly distributionPercent = distributionPercent;

  protected readonly dimensionLabels = computed(() =>
    this.data().dimensions.map(
      (d) => this.translate.instant(`evaluation.dimension.${d.dimension}`) as string,
    ),
  );
  protected readonly dimensionSeries = computed<BarSeries[]>(() => [
    {
      name: this.translate.instant('evaluation.results.average') as string,
      data: this.data().dimensions.map((d) => d.average),
    },
  ]);
  protected readonly distributionSeries = computed<BarSeries[]>(() => [
    {
      name: this.translate.instant('evaluation.results.answers') as string,
      data: [...(this.data().overall?.distribution ?? [0, 0, 0, 0, 0])],
    },
  ]);
}
