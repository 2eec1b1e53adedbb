import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { LiveSessionView } from '@siantar/contracts';
import { WIB_ZONE } from '../shared/wib-time';
import { canEnterRoom, sessionPhase } from './session-phase';

/** One session in the list: when, who, JP, its state, and what the user can do with it. */
@Component({
  selector: 'sb-session-card',
  imports: [DatePipe, DecimalPipe, MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = session();
    <article class="card" [attr.aria-labelledby]="'sbv-s-' + s.id" data-testid="live-session">
      <header class="head">
        <div>
          <p class="kind sb-muted">{{ s.courseTitle ?? ('live.sessions.webinar' | translate) }}</p>
          <h2 [id]="'sbv-s-' + s.id">{{ s.title }}</h2>
        </div>
        <span
          class="sb-chip"
          [class.sb-chip-error]="phase() === 'cancelled'"
          [class.sb-chip-off]="phase() === 'over' || phase() === 'ended' || phase() === 'upcoming'"
          data-testid="live-session-status"
        >
          {{ 'live.phase.' + phase() | translate }}
        </span>
      </header>
      <dl class="sb-details">
        <dt>{{ 'live.sessions.when' | translate }}</dt>
        <dd>
          <time [attr.datetime]="s.startsAt">{{
            s.startsAt | date: 'EEEE, d MMMM y, HH.mm' : zone
          }}</time>–<time [attr.datetime]="s.endsAt">{{ s.endsAt | date: 'HH.mm' : zone }}</time>
          WIB
        </dd>
        <dt>{{ 'live.sessions.trainers' | translate }}</dt>
        <dd>{{ trainers() || ('common.none' | translate) }}</dd>
        <dt>JP</dt>
        <dd>{{ s.jp | number: '1.0-1' }}</dd>
        @if (s.cancelReason) {
          <dt>{{ 'live.sessions.cancelReason' | translate }}</dt>
          <dd>{{ s.cancelReason }}</dd>
        }
      </dl>
      <div class="sb-actions actions">
        @if (canEnter()) {
          <a mat-flat-button [routerLink]="['/live', s.id]" data-testid="live-enter">
            <mat-icon svgIcon="sbv-live" aria-hidden="true" />
            {{ 'live.sessions.enter' | translate }}
          </a>
        } @else if (s.status === 'scheduled' && phase() === 'upcoming') {
          <button mat-flat-button type="button" disabled [attr.aria-describedby]="'sbv-h-' + s.id">
            {{ 'live.sessions.enter' | translate }}
          </button>
          <span class="sb-muted" [id]="'sbv-h-' + s.id">{{
            'live.sessions.opensAt' | translate
          }}</span>
        }
        @if (s.status !== 'ended') {
          <button mat-stroked-button type="button" (click)="calendar.emit(s)">
            <mat-icon svgIcon="sbv-event" aria-hidden="true" />
            {{ 'live.sessions.addToCalendar' | translate }}
          </button>
        }
        @if (s.canManage && s.status === 'scheduled') {
          <button mat-button type="button" (click)="edit.emit(s)" data-testid="live-edit">
            <mat-icon svgIcon="sbv-edit" aria-hidden="true" />
            {{ 'live.sessions.edit' | translate }}
          </button>
          <button
            mat-button
            type="button"
            (click)="cancelSession.emit(s)"
            data-testid="live-cancel"
          >
            <mat-icon svgIcon="sbv-cancel" aria-hidden="true" />
            {{ 'live.sessions.cancel' | translate }}
          </button>
        }
      </div>
    </article>
  `,
  styles: `
    .card {
      padding: 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 8px;
      h2 {
        font: var(--mat-sys-title-large);
        margin: 0;
      }
    }
    .kind {
      margin: 0;
    }
    .actions {
      margin-top: 12px;
      align-items: center;
    }
  `,
})
export class SessionCardComponent {
  readonly session = input.required<LiveSessionView>();
  /** The clock, ticking (ms). */
  readonly now = input.required<number>();
  readonly calendar = output<LiveSessionView>();
  readonly edit = output<LiveSessionView>();
  readonly cancelSession = output<LiveSessionView>();

  protected readonly zone = WIB_ZONE;
  protected readonly phase = computed(() => sessionPhase(this.session(), this.now()));
  protected readonly canEnter = computed(() => canEnterRoom(this.session(), this.now()));
  protected readonly trainers = computed(() =>
    this.session()
      .trainers.map((t) => t.name)
      .join(', '),
  );
}
