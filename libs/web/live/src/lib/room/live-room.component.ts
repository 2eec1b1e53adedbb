import { ChangeDetectionStrategy, Component, type OnInit, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LiveConnection } from './live-connection';
import { LiveRoomService } from './live-room.service';
import { SidePanelComponent } from './panel/side-panel.component';
import { RoomHeaderComponent } from './room-header.component';
import { StageComponent } from './stage/stage.component';

/**
 * `/live/:id`: the room. Desktop: the stage on the left, the side panel on the right;
 * phone: the stage on top, the panel's tabs below. Ends on a final screen when the host
 * ends the session or removes the user.
 */
@Component({
  selector: 'sb-live-room',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    TranslatePipe,
    RoomHeaderComponent,
    SidePanelComponent,
    StageComponent,
  ],
  providers: [LiveConnection, LiveRoomService],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button routerLink="/live">
      <mat-icon svgIcon="sbv-back" aria-hidden="true" />
      {{ 'live.sessions.title' | translate }}
    </a>
    <p
      class="state"
      [attr.data-state]="room.connectionState()"
      role="status"
      aria-live="polite"
      data-testid="connection-state"
    >
      <span class="dot" aria-hidden="true"></span>
      {{ 'live.connection.' + room.connectionState() | translate }}
    </p>

    @if (store.removedReason(); as reason) {
      <section class="final" data-testid="room-removed">
        <h1 class="sb-page-title">{{ 'live.final.removedTitle' | translate }}</h1>
        <p>{{ reason }}</p>
        <a mat-flat-button routerLink="/live">{{ 'live.final.back' | translate }}</a>
      </section>
    } @else if (store.endedAt()) {
      <section class="final" data-testid="room-ended">
        <h1 class="sb-page-title">{{ 'live.final.endedTitle' | translate }}</h1>
        @if (store.endedReason(); as reason) {
          <p>{{ reason }}</p>
        } @else {
          <p>{{ 'live.final.endedBody' | translate }}</p>
        }
        <a mat-flat-button routerLink="/live">{{ 'live.final.back' | translate }}</a>
      </section>
    } @else if (!store.ready()) {
      @if (room.refusedWith(); as reason) {
        <section class="final" data-testid="room-refused">
          <h1 class="sb-page-title">{{ 'live.final.refusedTitle' | translate }}</h1>
          <p role="alert">{{ reason }}</p>
          <div class="sb-actions">
            <button mat-flat-button type="button" (click)="room.retry()">
              {{ 'live.final.retry' | translate }}
            </button>
            <a mat-button routerLink="/live">{{ 'live.final.back' | translate }}</a>
          </div>
        </section>
      } @else {
        <h1 class="sb-page-title">{{ 'live.room.joining' | translate }}</h1>
        <mat-progress-bar
          mode="indeterminate"
          [attr.aria-label]="'live.room.joining' | translate"
        />
      }
    } @else {
      @if (room.refusedWith(); as reason) {
        <div class="refused" role="alert">
          <span>{{ reason }}</span>
          @if (room.connectionState() === 'disconnected') {
            <button mat-button type="button" (click)="room.retry()">
              {{ 'live.final.retry' | translate }}
            </button>
          }
        </div>
      }
      <sb-room-header />
      <div class="room">
        <sb-stage class="stage" />
        <sb-side-panel class="panel" [sessionId]="id()" />
      </div>
    }
  `,
  styles: `
    .state {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      margin: 0 0 8px;
      font: var(--mat-sys-label-large);
    }
    .dot {
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--mat-sys-outline);
    }
    [data-state='connected'] .dot {
      background: #2e7d32;
    }
    [data-state='reconnecting'] .dot,
    [data-state='connecting'] .dot {
      background: #f9a825;
    }
    [data-state='disconnected'] .dot {
      background: var(--mat-sys-error);
    }
    .room {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(300px, 380px);
      gap: 16px;
      align-items: start;
    }
    .panel {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 0 8px;
      background: var(--mat-sys-surface);
    }
    @media (max-width: 959.98px) {
      .room {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .final {
      max-width: 640px;
    }
    .refused {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      margin-bottom: 8px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class LiveRoomComponent implements OnInit {
  protected readonly room = inject(LiveRoomService);
  protected readonly store = this.room.store;
  /** The session id (route parameter). */
  readonly id = input.required<string>();

  ngOnInit(): void {
    void this.room.open(this.id());
  }
}
