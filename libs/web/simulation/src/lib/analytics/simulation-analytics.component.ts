import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { ProblemDetails, SimulationAnalytics } from '@siantar/contracts';
import { ProblemAlertComponent, TableRegionComponent, toProblem } from '@siantar/web-core';
import { SimulationApi } from '../api/simulation.api';
import { type BarSeries, BarChartComponent } from '@siantar/web-charts';
import {
  RATING_ROLES,
  averageOf,
  competencyColumns,
  percentOf,
  splitSeconds,
  transitionGroups,
} from './analytics-model';

/**
 * `/penulisan/:courseId/simulasi/:lessonId/analitik`: what the learners did in a simulation
 * lesson (across its course versions): the endings reached, the paths taken (a table of moves
 * between scenes), the wrong choices and practice mistakes most made, average competency scores
 * per OPD and the median time per scene. Every chart has a table with the same numbers.
 */
@Component({
  selector: 'sb-simulation-analytics',
  imports: [
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    TableRegionComponent,
    BarChartComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button [routerLink]="['/penulisan', courseId()]" data-testid="back-to-course">
      {{ 'simulation.analytics.back' | translate }}
    </a>
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'simulation.analytics.title' | translate }}</h1>
        @if (data(); as a) {
          <p class="sb-lead" data-testid="analytics-lesson">{{ a.title }}</p>
        }
      </div>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />

    @if (data(); as a) {
      <dl class="sbs-stats" data-testid="analytics-stats">
        <div>
          <dt>{{ 'simulation.analytics.runs' | translate }}</dt>
          <dd>{{ a.runs }}</dd>
        </div>
        <div>
          <dt>{{ 'simulation.analytics.finished' | translate }}</dt>
          <dd>{{ a.finished }}</dd>
        </div>
        <div>
          <dt>{{ 'simulation.analytics.learners' | translate }}</dt>
          <dd>{{ a.learners }}</dd>
        </div>
      </dl>

      @if (a.runs === 0) {
        <p class="sb-empty" data-testid="analytics-empty">
          {{ 'simulation.analytics.empty' | translate }}
        </p>
      } @else {
        <section class="sb-section" aria-labelledby="sbs-endings-title">
          <h2 id="sbs-endings-title">{{ 'simulation.analytics.endings.title' | translate }}</h2>
          @if (a.endings.length) {
            <div class="sbs-beside">
              <sb-bar-chart [categories]="endingCategories()" [series]="endingSeries()" />
              <sb-table-region [label]="'simulation.analytics.endings.title' | translate">
                <table class="sbs-table" data-testid="analytics-endings">
                  <caption class="sb-visually-hidden">
                    {{
                      'simulation.analytics.endings.caption' | translate: { n: a.finished }
                    }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ 'simulation.analytics.endings.ending' | translate }}</th>
                      <th scope="col">{{ 'simulation.analytics.endings.rating' | translate }}</th>
                      <th scope="col" class="sbs-num">
                        {{ 'simulation.analytics.count' | translate }}
                      </th>
                      <th scope="col" class="sbs-num">
                        {{ 'simulation.analytics.share' | translate }}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (e of a.endings; track e.sceneId) {
                      <tr>
                        <th scope="row">{{ e.title }}</th>
                        <td>{{ 'simulation.player.rating.' + e.rating | translate }}</td>
                        <td class="sbs-num">{{ e.count }}</td>
                        <td class="sbs-num">
                          {{ share(e.count, endingsTotal()) | number: '1.0-1' }}%
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </sb-table-region>
            </div>
          } @else {
            <p class="sb-muted">{{ 'simulation.analytics.none' | translate }}</p>
          }
        </section>

        <section class="sb-section" aria-labelledby="sbs-paths-title">
          <h2 id="sbs-paths-title">{{ 'simulation.analytics.paths.title' | translate }}</h2>
          <p class="sb-muted">{{ 'simulation.analytics.paths.hint' | translate }}</p>
          @if (paths().length) {
            <sb-table-region [label]="'simulation.analytics.paths.title' | translate">
              <table class="sbs-table" data-testid="analytics-paths">
                <caption class="sb-visually-hidden">
                  {{
                    'simulation.analytics.paths.title' | translate
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ 'simulation.analytics.paths.from' | translate }}</th>
                    <th scope="col">{{ 'simulation.analytics.paths.choice' | translate }}</th>
                    <th scope="col">{{ 'simulation.analytics.paths.to' | translate }}</th>
                    <th scope="col" class="sbs-num">
                      {{ 'simulation.analytics.count' | translate }}
                    </th>
                    <th scope="col" class="sbs-num">
                      {{ 'simulation.analytics.paths.share' | translate }}
                    </th>
                  </tr>
                </thead>
                @for (g of paths(); track g.fromSceneId) {
                  <tbody [attr.data-testid]="'path-from-' + g.fromSceneId">
                    @for (t of g.moves; track t.choiceId; let first = $first) {
                      <tr>
                        @if (first) {
                          <th scope="rowgroup" [attr.rowspan]="g.moves.length">
                            {{ g.fromTitle }}
                          </th>
                        }
                        <td>{{ t.label }}</td>
                        <td>{{ t.toTitle }}</td>
                        <td class="sbs-num">{{ t.count }}</td>
                        <td class="sbs-num">
                          <span class="sbs-share">
                            <span class="sbs-bar" aria-hidden="true">
                              <span [style.width.%]="t.share"></span>
                            </span>
                            {{ t.share | number: '1.0-0' }}%
                          </span>
                        </td>
                      </tr>
                    }
                  </tbody>
                }
              </table>
            </sb-table-region>
          } @else {
            <p class="sb-muted">{{ 'simulation.analytics.none' | translate }}</p>
          }
        </section>

        <section class="sb-section" aria-labelledby="sbs-wrong-title">
          <h2 id="sbs-wrong-title">{{ 'simulation.analytics.wrong.title' | translate }}</h2>
          <div class="sbs-two">
            <div>
              <h3 id="sbs-wrong-choices">{{ 'simulation.analytics.wrong.choices' | translate }}</h3>
              @if (a.wrongChoices.length) {
                <sb-table-region [label]="'simulation.analytics.wrong.choices' | translate">
                  <table class="sbs-table" data-testid="analytics-wrong-choices">
                    <thead>
                      <tr>
                        <th scope="col">{{ 'simulation.analytics.scene' | translate }}</th>
                        <th scope="col">{{ 'simulation.analytics.paths.choice' | translate }}</th>
                        <th scope="col" class="sbs-num">
                          {{ 'simulation.analytics.count' | translate }}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (w of a.wrongChoices; track w.sceneId + '/' + w.choiceId) {
                        <tr>
                          <td>{{ w.sceneTitle }}</td>
                          <th scope="row">{{ w.label }}</th>
                          <td class="sbs-num">{{ w.count }}</td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </sb-table-region>
              } @else {
                <p class="sb-muted">{{ 'simulation.analytics.none' | translate }}</p>
              }
            </div>
            <div>
              <h3>{{ 'simulation.analytics.wrong.practice' | translate }}</h3>
              @if (a.practiceMistakes.length) {
                <sb-table-region [label]="'simulation.analytics.wrong.practice' | translate">
                  <table class="sbs-table" data-testid="analytics-practice-mistakes">
                    <thead>
                      <tr>
                        <th scope="col">{{ 'simulation.analytics.scene' | translate }}</th>
                        <th scope="col">{{ 'simulation.analytics.wrong.target' | translate }}</th>
                        <th scope="col">{{ 'simulation.analytics.wrong.expected' | translate }}</th>
                        <th scope="col" class="sbs-num">
                          {{ 'simulation.analytics.count' | translate }}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (m of a.practiceMistakes; track $index) {
                        <tr>
                          <td>{{ m.sceneTitle }}</td>
                          <th scope="row">{{ m.label }}</th>
                          <td class="sb-mono">{{ m.expected }}</td>
                          <td class="sbs-num">{{ m.count }}</td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </sb-table-region>
              } @else {
                <p class="sb-muted">{{ 'simulation.analytics.none' | translate }}</p>
              }
            </div>
          </div>
        </section>

        <section class="sb-section" aria-labelledby="sbs-opd-title">
          <h2 id="sbs-opd-title">{{ 'simulation.analytics.opd.title' | translate }}</h2>
          <p class="sb-muted">{{ 'simulation.analytics.opd.hint' | translate }}</p>
          @if (a.competencyByOpd.length) {
            <div class="sbs-beside">
              <sb-bar-chart
                [categories]="opdCategories()"
                [series]="opdSeries()"
                [horizontal]="true"
                [height]="opdChartHeight()"
              />
              <sb-table-region [label]="'simulation.analytics.opd.title' | translate">
                <table class="sbs-table" data-testid="analytics-opd">
                  <caption class="sb-visually-hidden">
                    {{
                      'simulation.analytics.opd.title' | translate
                    }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ 'simulation.analytics.opd.opd' | translate }}</th>
                      <th scope="col" class="sbs-num">
                        {{ 'simulation.analytics.finished' | translate }}
                      </th>
                      @for (c of competencies(); track c.key) {
                        <th scope="col" class="sbs-num">{{ c.label }}</th>
                      }
                    </tr>
                  </thead>
                  <tbody>
                    @for (o of a.competencyByOpd; track o.orgUnitId) {
                      <tr>
                        <th scope="row">{{ o.name }}</th>
                        <td class="sbs-num">{{ o.runs }}</td>
                        @for (c of competencies(); track c.key) {
                          @let avg = average(o, c.key);
                          <td class="sbs-num">
                            {{
                              avg === null ? ('common.none' | translate) : (avg | number: '1.0-1')
                            }}
                          </td>
                        }
                      </tr>
                    }
                  </tbody>
                </table>
              </sb-table-region>
            </div>
          } @else {
            <p class="sb-muted">{{ 'simulation.analytics.none' | translate }}</p>
          }
        </section>

        <section class="sb-section" aria-labelledby="sbs-time-title">
          <h2 id="sbs-time-title">{{ 'simulation.analytics.time.title' | translate }}</h2>
          @if (a.secondsPerScene.length) {
            <sb-table-region [label]="'simulation.analytics.time.title' | translate">
              <table class="sbs-table sbs-narrow" data-testid="analytics-time">
                <caption class="sb-visually-hidden">
                  {{
                    'simulation.analytics.time.title' | translate
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ 'simulation.analytics.scene' | translate }}</th>
                    <th scope="col" class="sbs-num">
                      {{ 'simulation.analytics.time.median' | translate }}
                    </th>
                    <th scope="col" class="sbs-num">
                      {{ 'simulation.analytics.time.visits' | translate }}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  @for (s of a.secondsPerScene; track s.sceneId) {
                    @let d = duration(s.medianSeconds);
                    <tr>
                      <th scope="row">{{ s.title }}</th>
                      <td class="sbs-num">
                        @if (d.minutes) {
                          {{
                            'simulation.analytics.time.minutesSeconds'
                              | translate: { m: d.minutes, s: d.seconds }
                          }}
                        } @else {
                          {{ 'simulation.analytics.time.seconds' | translate: { s: d.seconds } }}
                        }
                      </td>
                      <td class="sbs-num">{{ s.visits }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </sb-table-region>
          } @else {
            <p class="sb-muted">{{ 'simulation.analytics.none' | translate }}</p>
          }
        </section>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .sbs-stats {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 16px 0 0;
      div {
        min-width: 140px;
        padding: 12px 16px;
        border-radius: 12px;
        background: var(--mat-sys-surface-container);
      }
      dt {
        color: var(--mat-sys-on-surface-variant);
        font: var(--mat-sys-label-large);
      }
      dd {
        margin: 4px 0 0;
        font: var(--mat-sys-headline-small);
      }
    }
    .sbs-beside {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr);
      gap: 16px;
      align-items: start;
    }
    .sbs-two {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 16px;
      align-items: start;
      h3 {
        font: var(--mat-sys-title-medium);
        margin: 0 0 8px;
      }
    }
    @media (max-width: 959.98px) {
      .sbs-beside,
      .sbs-two {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .sbs-table {
      width: 100%;
      border-collapse: collapse;
      th,
      td {
        text-align: start;
        padding: 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        vertical-align: top;
      }
      thead th {
        font: var(--mat-sys-label-large);
        color: var(--mat-sys-on-surface-variant);
      }
      tbody th {
        font-weight: 500;
      }
    }
    .sbs-narrow {
      max-width: 640px;
    }
    .sbs-num {
      text-align: end !important;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .sbs-share {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
    .sbs-bar {
      display: inline-block;
      width: 64px;
      height: 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
      span {
        display: block;
        height: 100%;
        background: var(--mat-sys-primary);
      }
    }
  `,
})
export class SimulationAnalyticsComponent {
  private readonly api = inject(SimulationApi);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);

  readonly courseId = input.required<string>();
  readonly lessonId = input.required<string>();

  protected readonly data = signal<SimulationAnalytics | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** Bumped when the language changes: the charts' labels are translated in code. */
  private readonly lang = signal(0);

  protected readonly endingsTotal = computed(() =>
    (this.data()?.endings ?? []).reduce((n, e) => n + e.count, 0),
  );
  protected readonly endingCategories = computed(() =>
    (this.data()?.endings ?? []).map((e) => e.title),
  );
  protected readonly endingSeries = computed<BarSeries[]>(() => {
    this.lang();
    const endings = this.data()?.endings ?? [];
    return [
      {
        name: this.translate.instant('simulation.analytics.runs') as string,
        data: endings.map((e) => e.count),
        roles: endings.map((e) => RATING_ROLES[e.rating]),
      },
    ];
  });
  protected readonly paths = computed(() => transitionGroups(this.data()?.transitions ?? []));
  protected readonly competencies = computed(() =>
    competencyColumns(this.data()?.competencyByOpd ?? []),
  );
  protected readonly opdCategories = computed(() =>
    (this.data()?.competencyByOpd ?? []).map((o) => o.name),
  );
  protected readonly opdSeries = computed<BarSeries[]>(() => {
    const byOpd = this.data()?.competencyByOpd ?? [];
    return this.competencies().map((c) => ({
      name: c.label,
      data: byOpd.map((o) => averageOf(o, c.key) ?? 0),
    }));
  });
  protected readonly opdChartHeight = computed(() =>
    Math.max(200, 48 + this.opdCategories().length * Math.max(28, this.competencies().length * 14)),
  );

  protected readonly share = percentOf;
  protected readonly average = averageOf;
  protected readonly duration = splitSeconds;

  constructor() {
    effect(() => {
      const courseId = this.courseId();
      const lessonId = this.lessonId();
      untracked(() => this.load(courseId, lessonId));
    });
    this.translate.onLangChange
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.lang.update((n) => n + 1));
  }

  private load(courseId: string, lessonId: string): void {
    this.loading.set(true);
    this.problem.set(null);
    this.api
      .analytics(courseId, lessonId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (data) => {
          this.data.set(data);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.loading.set(false);
        },
      });
  }
}
