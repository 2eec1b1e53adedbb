import { confirmAction } from '@siantar/web-core';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslatePipe } from '@ngx-translate/core';
import { WIB_ZONE } from '../shared/wib-time';
import { LiveRoomService } from './live-room.service';

/** The room's title and time; for hosts the lock and "end for everyone". */
@Component({
  selector: 'sb-room-header',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatSlideToggleModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.session(); as s) {
      <div class="sb-page-header">
        <div>
          <h1 class="sb-page-title">{{ s.title }}</h1>
          <p class="sb-muted">
            {{ s.courseTitle ?? ('live.sessions.webinar' | translate) }} ·
            {{ s.startsAt | date: 'EEEE, d MMM y, HH.mm' : zone }}–{{
              s.endsAt | date: 'HH.mm' : zone
            }}
            WIB
          </p>
        </div>
        @if (store.isHost()) {
          <div class="sb-actions host">
            <mat-slide-toggle
              [checked]="store.locked()"
              (change)="lock($event.checked)"
              data-testid="room-lock"
            >
              <mat-icon
                [svgIcon]="store.locked() ? 'sbv-lock' : 'sbv-lock-open'"
                aria-hidden="true"
              />
              {{ 'live.host.lock' | translate }}
            </mat-slide-toggle>
            <button
              mat-flat-button
              type="button"
              class="end"
              (click)="end()"
              data-testid="room-end"
            >
              <mat-icon svgIcon="sbv-end" aria-hidden="true" />
              {{ 'live.host.end' | translate }}
            </button>
          </div>
        } @else if (store.locked()) {
          <span class="sb-chip">{{ 'live.host.locked' | translate }}</span>
        }
      </div>
    }
  `,
  styles: `
    .host {
      align-items: center;
    }
    .end {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class RoomHeaderComponent {
  private readonly room = inject(LiveRoomService);
  private readonly dialog = inject(MatDialog);
  protected readonly store = this.room.store;
  protected readonly zone = WIB_ZONE;

  protected lock(locked: boolean): void {
    void this.room.send('room:lock', { locked });
  }

  protected end(): void {
    confirmAction(this.dialog, {
      title: 'live.host.endTitle',
      message: 'live.host.endMessage',
      confirm: 'live.host.end',
    }).subscribe((yes) => {
      if (yes) {
        void this.room.send('session:end', {});
      }
    });
  }
}
