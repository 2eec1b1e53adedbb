import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { LiveSessionView, ProblemDetails } from '@siantar/contracts';
import {
  AuthService,
  ProblemAlertComponent,
  sendRequest,
  toProblemAsync,
  ReasonDialogComponent,
  type ReasonDialogData,
} from '@siantar/web-core';
import { LiveApi } from '../api/live.api';
import { saveResponse } from '../shared/save-download';
import { CalendarFeedComponent } from './calendar-feed.component';
import { SessionCardComponent } from './session-card.component';
import {
  SessionFormDialogComponent,
  type SessionFormDialogData,
} from './session-form-dialog.component';
import { SCHEDULER_ROLES } from '../live-roles';

/** The list's clock ticks this often ("Masuk ruang" opens 15 minutes before the start). */
const TICK_MS = 30_000;

/** `/live`: the user's upcoming live sessions, the calendar feed, and scheduling for trainers. */
@Component({
  selector: 'sb-live-sessions',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
    CalendarFeedComponent,
    SessionCardComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <div>
        <h1 class="sb-page-title">{{ 'live.sessions.title' | translate }}</h1>
        <p class="sb-lead">{{ 'live.sessions.lead' | translate }}</p>
      </div>
      @if (canSchedule()) {
        <button mat-flat-button type="button" (click)="create()" data-testid="live-schedule">
          <mat-icon svgIcon="add" aria-hidden="true" />
          {{ 'live.sessions.schedule' | translate }}
        </button>
      }
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    <sb-problem-alert [problem]="problem()" />
    <div class="sb-two-columns">
      <section class="list" aria-labelledby="sbv-list-title">
        <h2 id="sbv-list-title" class="sb-visually-hidden">
          {{ 'live.sessions.upcoming' | translate }}
        </h2>
        @for (s of sessions(); track s.id) {
          <sb-session-card
            [session]="s"
            [now]="now()"
            (calendar)="downloadIcs($event)"
            (edit)="edit($event)"
            (cancelSession)="cancel($event)"
          />
        } @empty {
          @if (!loading()) {
            <p class="sb-empty">{{ 'live.sessions.empty' | translate }}</p>
          }
        }
      </section>
      <aside class="sb-side-card">
        <sb-calendar-feed />
      </aside>
    </div>
  `,
  styles: `
    .list {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
  `,
})
export class LiveSessionsComponent {
  private readonly api = inject(LiveApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly sessions = signal<LiveSessionView[]>([]);
  protected readonly now = signal(Date.now());
  protected readonly canSchedule = computed(() =>
    SCHEDULER_ROLES.some((r) => this.auth.roles().includes(r)),
  );

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    this.load();
  }

  protected create(): void {
    this.openForm({}).subscribe((saved) => {
      if (saved) {
        this.snackBar.open(this.translate.instant('live.form.created'), undefined, {
          duration: 4000,
        });
        this.load();
      }
    });
  }

  protected edit(session: LiveSessionView): void {
    this.openForm({ session }).subscribe((saved) => {
      if (saved) {
        this.replace(saved);
        this.snackBar.open(this.translate.instant('live.form.saved'), undefined, {
          duration: 4000,
        });
      }
    });
  }

  protected cancel(session: LiveSessionView): void {
    this.dialog
      .open<ReasonDialogComponent, ReasonDialogData, string>(ReasonDialogComponent, {
        data: {
          title: 'live.cancel.title',
          label: 'live.cancel.reason',
          confirm: 'live.cancel.confirm',
          context: this.translate.instant('live.cancel.intro', { title: session.title }),
          minLength: 3,
          required: true,
        },
      })
      .afterClosed()
      .subscribe((reason) => {
        if (reason) {
          sendRequest(this.api.cancel(session.id, reason), this.state(), (saved) => {
            // Kept in the list, marked cancelled with its reason.
            this.replace(saved);
          });
        }
      });
  }

  protected downloadIcs(session: LiveSessionView): void {
    this.api.calendarFile(session.id).subscribe({
      next: (res) => saveResponse(res, `sesi-${session.id}.ics`),
      error: (error: unknown) => void toProblemAsync(error).then((p) => this.problem.set(p)),
    });
  }

  private load(): void {
    this.loading.set(true);
    this.problem.set(null);
    this.api.mySessions().subscribe({
      next: (list) => {
        this.loading.set(false);
        this.sessions.set(list);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        void toProblemAsync(error).then((p) => this.problem.set(p));
      },
    });
  }

  private openForm(data: SessionFormDialogData) {
    return this.dialog
      .open<SessionFormDialogComponent, SessionFormDialogData, LiveSessionView>(
        SessionFormDialogComponent,
        { data, width: '720px', maxWidth: '95vw' },
      )
      .afterClosed();
  }

  private replace(saved: LiveSessionView): void {
    this.sessions.update((list) => list.map((s) => (s.id === saved.id ? saved : s)));
  }

  private state() {
    return { busy: this.loading, problem: this.problem };
  }
}
