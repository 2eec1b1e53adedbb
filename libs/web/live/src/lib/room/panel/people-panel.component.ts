import { confirmAction } from '@siantar/web-core';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { TranslatePipe } from '@ngx-translate/core';
import type { LiveParticipantView } from '@siantar/contracts';
import { LiveRoomService } from '../live-room.service';

/** Who is here (role, hand, media) and the hand queue; hosts mute, promote and remove. */
@Component({
  selector: 'sb-people-panel',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="sbv-hands">
      <h3 id="sbv-hands">
        {{ 'live.people.hands' | translate: { count: store.handQueue().length } }}
      </h3>
      <ol class="hands">
        @for (p of store.handQueue(); track p.userId) {
          <li data-testid="hand-queue-item">
            <mat-icon svgIcon="sbv-hand" aria-hidden="true" />
            <span class="name">{{ p.name }}</span>
            @if (store.isHost()) {
              <button mat-button type="button" (click)="lowerHand(p)">
                {{ 'live.people.lowerHand' | translate }}
              </button>
            }
          </li>
        } @empty {
          <li class="sb-muted">{{ 'live.people.noHands' | translate }}</li>
        }
      </ol>
    </section>
    <section aria-labelledby="sbv-people">
      <h3 id="sbv-people">
        {{ 'live.people.present' | translate: { count: store.participants().length } }}
      </h3>
      <ul class="people">
        @for (p of store.participants(); track p.userId) {
          <li data-testid="participant">
            <span class="name">
              {{ p.name }}
              @if (p.userId === store.me()?.userId) {
                <span class="sb-muted">({{ 'live.people.you' | translate }})</span>
              }
            </span>
            @if (p.role !== 'participant') {
              <span class="sb-chip">{{ 'live.role.' + p.role | translate }}</span>
            }
            @if (p.handRaisedAt) {
              <mat-icon
                svgIcon="sbv-hand"
                role="img"
                [attr.aria-label]="'live.people.handRaised' | translate"
              />
            }
            @if (p.muted) {
              <mat-icon
                svgIcon="sbv-mic-off"
                role="img"
                [attr.aria-label]="'live.people.muted' | translate"
              />
            }
            @if (p.media.camera || p.media.screen) {
              <mat-icon
                svgIcon="sbv-camera"
                role="img"
                [attr.aria-label]="'live.people.video' | translate"
              />
            }
            @if (store.isHost() && p.userId !== store.me()?.userId) {
              <button
                mat-icon-button
                type="button"
                class="more"
                [matMenuTriggerFor]="menu"
                [attr.aria-label]="'live.people.actions' | translate: { name: p.name }"
              >
                <mat-icon svgIcon="sbv-more" aria-hidden="true" />
              </button>
              <mat-menu #menu="matMenu">
                <button mat-menu-item type="button" (click)="mute(p, !p.muted)">
                  {{ (p.muted ? 'live.people.unmute' : 'live.people.mute') | translate }}
                </button>
                @if (p.role !== 'host') {
                  <button mat-menu-item type="button" (click)="speak(p, p.role !== 'speaker')">
                    {{
                      (p.role === 'speaker' ? 'live.people.demote' : 'live.people.promote')
                        | translate
                    }}
                  </button>
                  <button mat-menu-item type="button" (click)="remove(p)">
                    {{ 'live.people.remove' | translate }}
                  </button>
                }
              </mat-menu>
            }
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    h3 {
      font: var(--mat-sys-title-small);
      margin: 8px 0;
    }
    .hands,
    .people {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    li {
      display: flex;
      align-items: center;
      gap: 6px;
      min-height: 40px;
    }
    .name {
      flex: 1 1 auto;
      overflow-wrap: anywhere;
    }
  `,
})
export class PeoplePanelComponent {
  private readonly room = inject(LiveRoomService);
  private readonly dialog = inject(MatDialog);
  protected readonly store = this.room.store;

  protected lowerHand(p: LiveParticipantView): void {
    void this.room.send('hand:lower', { userId: p.userId });
  }

  protected mute(p: LiveParticipantView, muted: boolean): void {
    void this.room.send('participant:mute', { userId: p.userId, muted });
  }

  protected speak(p: LiveParticipantView, speaking: boolean): void {
    void this.room.send('participant:speak', { userId: p.userId, speaking });
  }

  protected remove(p: LiveParticipantView): void {
    confirmAction(this.dialog, {
      title: 'live.people.removeTitle',
      message: 'live.people.removeMessage',
      params: { name: p.name },
      confirm: 'live.people.remove',
    }).subscribe((yes) => {
      if (yes) {
        void this.room.send('participant:remove', { userId: p.userId });
      }
    });
  }
}
