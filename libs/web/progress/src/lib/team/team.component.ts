import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { ProblemDetails, TeamMemberRow, TeamResponse } from '@siantar/contracts';
import { ProblemAlertComponent, sendRequest, toProblem } from '@siantar/web-core';
import { ReportsApi } from '../api/progress.api';
import { DataTableComponent, type TableColumn } from '../ui/data-table.component';
import { JpBarComponent } from '../ui/jp-bar.component';
import { ClaimsReviewComponent } from './claims-review.component';
import { nextNudgeAt } from './nudge';

const COLUMNS: readonly TableColumn[] = [
  { key: 'progress.people.name' },
  { text: 'NIP' },
  { key: 'progress.people.jpVsTarget' },
  { key: 'progress.people.active', num: true },
  { key: 'progress.people.overdue', num: true },
  { key: 'progress.team.lastActivity' },
  { key: 'common.actions' },
];

/** `/tim` "Tim saya": a supervisor's direct reports, their JP and courses, nudges, claims to decide. */
@Component({
  selector: 'sb-team',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    TranslatePipe,
    ProblemAlertComponent,
    ClaimsReviewComponent,
    DataTableComponent,
    JpBarComponent,
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

    <sb-data-table label="progress.team.title" testId="team-table" [columns]="columns">
      <tbody>
        @for (m of members(); track m.userId) {
          <tr [class.sb-row-error]="m.behind" data-testid="team-row">
            <th scope="row">
              <a [routerLink]="['/tim', m.userId]">{{ m.name }}</a>
              <span class="sb-muted block">{{ m.rank ?? '' }}</span>
            </th>
            <td class="sb-mono">{{ m.nip ?? ('common.none' | translate) }}</td>
            <td>
              <sb-jp-bar [jp]="m.jp" [target]="m.target" [behind]="m.behind" />
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
              {{ (behindOnly() ? 'progress.team.noneBehind' : 'progress.team.empty') | translate }}
            </td>
          </tr>
        }
      </tbody>
    </sb-data-table>

    <section class="sb-section" aria-labelledby="sbp-team-claims">
      <h2 id="sbp-team-claims">{{ 'progress.claims.toDecide' | translate }}</h2>
      <sb-claims-review />
    </section>
  `,
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
  protected readonly columns = COLUMNS;
  protected readonly nudging = signal<string | null>(null);
  protected readonly nudgeProblem = signal<ProblemDetails | null>(null);

  constructor() {
    sendRequest(this.api.team(), { busy: this.loading, problem: this.problem }, (t) =>
      this.team.set(t),
    );
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
