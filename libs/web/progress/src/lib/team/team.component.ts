import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { ProblemDetails, TeamMemberRow, TeamResponse } from '@siantar/contracts';
import {
  ProblemAlertComponent,
  TableRegionComponent,
  sendRequest,
  toProblem,
} from '@siantar/web-core';
import { ReportsApi } from '../api/progress.api';
import { jpBarPercent } from '../reports/report-math';
import { TABLE_STYLES } from '../shared/table.styles';
import { ClaimsReviewComponent } from './claims-review.component';
import { nextNudgeAt } from './nudge';

/** `/tim` "Tim saya": a supervisor's direct reports, their JP and courses, nudges, claims to decide. */
@Component({
  selector: 'sb-team',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    TranslatePipe,
    ProblemAlertComponent,
    TableRegionComponent,
    ClaimsReviewComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'progress.team.title' | translate }}</h1>
        @if (team(); as t) {
          <p class="sb-lead" data-testid="team-summary">
            {{
              'progress.team.summary'
                | translate: { count: t.members.length, behind: t.behind, year: t.year }
            }}
          </p>
        }
      </div>
      <mat-slide-toggle
        [checked]="behindOnly()"
        (change)="behindOnly.set($event.checked)"
        data-testid="behind-only"
      >
        {{ 'progress.team.behindOnly' | translate }}
      </mat-slide-toggle>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />
    <sb-problem-alert [problem]="nudgeProblem()" />

    <sb-table-region [label]="'progress.team.title' | translate">
      <table class="sbp-table" data-testid="team-table">
        <caption class="sb-visually-hidden">
          {{
            'progress.team.title' | translate
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'progress.people.name' | translate }}</th>
            <th scope="col">NIP</th>
            <th scope="col">{{ 'progress.people.jpVsTarget' | translate }}</th>
            <th scope="col" class="num">{{ 'progress.people.active' | translate }}</th>
            <th scope="col" class="num">{{ 'progress.people.overdue' | translate }}</th>
            <th scope="col">{{ 'progress.team.lastActivity' | translate }}</th>
            <th scope="col">{{ 'common.actions' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (m of members(); track m.userId) {
            <tr [class.sb-row-error]="m.behind" data-testid="team-row">
              <th scope="row">
                <a [routerLink]="['/tim', m.userId]">{{ m.name }}</a>
                <span class="sb-muted block">{{ m.rank ?? '' }}</span>
              </th>
              <td class="sb-mono">{{ m.nip ?? ('common.none' | translate) }}</td>
              <td>
                <div class="jp-cell">
                  <span class="bar" aria-hidden="true"
                    ><span [style.width.%]="bar(m)" [class.behind]="m.behind"></span
                  ></span>
                  <span class="num">{{ m.jp | number: '1.0-1' }} / {{ m.target ?? '—' }}</span>
                  @if (m.behind) {
                    <span class="sb-chip sb-chip-error">{{
                      'progress.people.behind' | translate
                    }}</span>
                  }
                </div>
              </td>
              <td class="num">{{ m.activeCourses }}</td>
              <td class="num">
                @if (m.overdueCourses) {
                  <span class="sb-chip sb-chip-error">{{ m.overdueCourses }}</span>
                } @else {
                  0
                }
              </td>
              <td>
                {{
                  m.lastActivityAt
                    ? (m.lastActivityAt | date: 'medium')
                    : ('progress.team.never' | translate)
                }}
              </td>
              <td>
                @if (nextNudge(m); as next) {
                  <button mat-stroked-button type="button" disabled data-testid="nudge">
                    <mat-icon svgIcon="sbp-bell" aria-hidden="true" />
                    {{ 'progress.team.nudgedUntil' | translate: { time: (next | date: 'short') } }}
                  </button>
                } @else {
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="nudge(m)"
                    [disabled]="nudging() === m.userId"
                    data-testid="nudge"
                  >
                    <mat-icon svgIcon="sbp-bell" aria-hidden="true" />
                    {{ 'progress.team.nudge' | translate }}
                    <span class="sb-visually-hidden">: {{ m.name }}</span>
                  </button>
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="7" class="sb-empty">
                {{
                  (behindOnly() ? 'progress.team.noneBehind' : 'progress.team.empty') | translate
                }}
              </td>
            </tr>
          }
        </tbody>
      </table>
    </sb-table-region>

    <section class="sb-section" aria-labelledby="sbp-team-claims">
      <h2 id="sbp-team-claims">{{ 'progress.claims.toDecide' | translate }}</h2>
      <sb-claims-review />
    </section>
  `,
  styles: [
    TABLE_STYLES,
    `
      .block {
        display: block;
      }
      .jp-cell {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 8px;
      }
      .bar {
        display: inline-block;
        width: 80px;
        height: 8px;
        border-radius: 4px;
        background: var(--mat-sys-surface-container-highest);
        overflow: hidden;
        span {
          display: block;
          height: 100%;
          background: var(--mat-sys-primary);
        }
        span.behind {
          background: var(--mat-sys-error);
        }
      }
    `,
  ],
})
export class TeamComponent {
  private readonly api = inject(ReportsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  protected readonly team = signal<TeamResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly behindOnly = signal(false);
  protected readonly members = computed(() =>
    (this.team()?.members ?? []).filter((m) => !this.behindOnly() || m.behind),
  );
  protected readonly nudging = signal<string | null>(null);
  protected readonly nudgeProblem = signal<ProblemDetails | null>(null);

  constructor() {
    sendRequest(this.api.team(), { busy: this.loading, problem: this.problem }, (t) =>
      this.team.set(t),
    );
  }

  protected bar(m: TeamMemberRow): number {
    return jpBarPercent(m.jp, m.target);
  }

  protected nextNudge(m: TeamMemberRow): Date | null {
    return nextNudgeAt(m.lastNudgedAt);
  }

  protected nudge(m: TeamMemberRow): void {
    this.nudging.set(m.userId);
    this.nudgeProblem.set(null);
    this.api.nudge(m.userId, {}).subscribe({
      next: () => {
        this.nudging.set(null);
        this.markNudged(m.userId, new Date().toISOString());
        this.snackBar.open(
          this.translate.instant('progress.team.nudged', { name: m.name }) as string,
          this.translate.instant('common.close') as string,
          { duration: 5000 },
        );
      },
      error: (error: unknown) => {
        this.nudging.set(null);
        const problem = toProblem(error);
        this.nudgeProblem.set(problem);
        if (problem.status === 429 && !m.lastNudgedAt) {
          // Nudged elsewhere meanwhile: disable the button for now; a reload shows the real time.
          this.markNudged(m.userId, new Date().toISOString());
        }
      },
    });
  }

  private markNudged(userId: string, at: string): void {
    this.team.update((t) =>
      t
        ? {
            ...t,
            members: t.members.map((x) => (x.userId === userId ? { ...x, lastNudgedAt: at } : x)),
          }
        : t,
    );
  }
}
