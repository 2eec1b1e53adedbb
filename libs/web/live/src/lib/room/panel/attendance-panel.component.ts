import { DatePipe, DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import type { LiveAttendanceReport, ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, toProblem, toProblemAsync } from '@siantar/web-core';
import { catchError, debounceTime, interval, merge, of, skip, startWith, switchMap } from 'rxjs';
import { LiveApi } from '../../api/live.api';
import { saveResponse } from '../../shared/save-download';
import { WIB_ZONE } from '../../shared/wib-time';
import { LiveRoomService } from '../live-room.service';

/** Refreshes the report this often, and shortly after people come and go. */
const REFRESH_MS = 30_000;
const AFTER_CHANGE_MS = 2_000;

/** Host: attendance so far (or final), with the CSV download. */
@Component({
  selector: 'sb-attendance-panel',
  imports: [
    DatePipe,
    DecimalPipe,
    PercentPipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="head">
      <button mat-stroked-button type="button" (click)="downloadCsv()" [disabled]="downloading()">
        <mat-icon svgIcon="download" aria-hidden="true" />
        {{ 'live.attendance.csv' | translate }}
      </button>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />
    @if (report(); as r) {
      <p class="sb-muted">
        @if (r.finalised) {
          {{
            'live.attendance.finalised'
              | translate: { at: (r.finalisedAt | date: 'd MMM y, HH.mm' : zone) }
          }}
        } @else {
          {{ 'live.attendance.running' | translate }}
        }
        {{
          'live.attendance.rule'
            | translate: { share: (r.minShare | percent), minutes: r.scheduledMinutes }
        }}
      </p>
      <div
        class="sb-table-scroll"
        role="region"
        tabindex="0"
        [attr.aria-label]="'live.attendance.caption' | translate"
      >
        <table class="sb-table compact">
          <caption class="sb-visually-hidden">
            {{
              'live.attendance.caption' | translate
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'user.name' | translate }}</th>
              <th scope="col" class="num">{{ 'live.attendance.minutes' | translate }}</th>
              <th scope="col" class="num">{{ 'live.attendance.share' | translate }}</th>
              <th scope="col" class="num">{{ 'live.attendance.polls' | translate }}</th>
              <th scope="col">{{ 'live.attendance.status' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.userId) {
              <tr>
                <th scope="row">
                  {{ row.name }}
                  @if (row.connectedNow) {
                    <span class="sb-chip">{{ 'live.attendance.online' | translate }}</span>
                  }
                  <div class="sb-muted">{{ row.nip ?? '' }} {{ row.orgUnitName ?? '' }}</div>
                </th>
                <td class="num">{{ row.minutes | number: '1.0-0' }}</td>
                <td class="num">{{ row.share | percent }}</td>
                <td class="num">{{ row.pollCorrect }}/{{ row.pollAnswers }}</td>
                <td>
                  @if (row.creditedJp !== null) {
                    {{
                      'live.attendance.credited'
                        | translate: { jp: (row.creditedJp | number: '1.0-1') }
                    }}
                  } @else {
                    <span class="sb-chip" [class.sb-chip-off]="!row.meetsRule">
                      {{
                        (row.meetsRule ? 'live.attendance.meets' : 'live.attendance.notYet')
                          | translate
                      }}
                    </span>
                  }
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="5" class="sb-empty">{{ 'live.attendance.empty' | translate }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .head {
      display: flex;
      justify-content: flex-end;
      margin-bottom: 8px;
    }
    .compact {
      min-width: 480px;
    }
    .num {
      text-align: end;
    }
  `,
})
export class AttendancePanelComponent {
  private readonly api = inject(LiveApi);
  private readonly room = inject(LiveRoomService);
  readonly sessionId = input.required<string>();

  protected readonly zone = WIB_ZONE;
  protected readonly loading = signal(false);
  protected readonly downloading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly report = signal<LiveAttendanceReport | null>(null);
  protected readonly rows = computed(() =>
    [...(this.report()?.rows ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id')),
  );

  constructor() {
    const changes = toObservable(this.room.store.participants).pipe(
      skip(1),
      debounceTime(AFTER_CHANGE_MS),
    );
    toObservable(this.sessionId)
      .pipe(
        switchMap((id) =>
          merge(interval(REFRESH_MS), changes).pipe(
            startWith(0),
            switchMap(() => {
              this.loading.set(true);
              return this.api.attendance(id).pipe(
                catchError((error: unknown) => {
                  this.problem.set(toProblem(error));
                  return of(null);
                }),
              );
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((report) => {
        this.loading.set(false);
        if (report) {
          this.problem.set(null);
          this.report.set(report);
        }
      });
  }

  protected downloadCsv(): void {
    this.downloading.set(true);
    this.api.attendanceCsv(this.sessionId()).subscribe({
      next: (res) => {
        this.downloading.set(false);
        saveResponse(res, `kehadiran-${this.sessionId()}.csv`);
      },
      error: (error: unknown) => {
        this.downloading.set(false);
        void toProblemAsync(error).then((p) => this.problem.set(p));
      },
    });
  }
}
