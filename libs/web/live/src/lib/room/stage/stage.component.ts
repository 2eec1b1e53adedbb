import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import { LiveRoomService } from '../live-room.service';
import { MediaControlsComponent } from './media-controls.component';
import { ReactionsComponent } from './reactions.component';
import { SlidesViewComponent } from './slides-view.component';
import { VideoTileComponent } from './video-tile.component';

/** The stage: publishers' videos, the local preview, the slides, reactions and the media controls. */
@Component({
  selector: 'sb-stage',
  imports: [
    MatButtonModule,
    TranslatePipe,
    MediaControlsComponent,
    ReactionsComponent,
    SlidesViewComponent,
    VideoTileComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="stage" [attr.aria-label]="'live.stage.label' | translate">
      <div class="screen">
        @if (!room.webRtcSupported) {
          <p class="notice" role="note">{{ 'live.stage.noWebRtc' | translate }}</p>
        } @else if (room.mediaTrouble() === 'elsewhere') {
          <div class="notice" role="status" data-testid="media-elsewhere">
            <span>{{ 'live.stage.mediaElsewhere' | translate }}</span>
            <button mat-button type="button" (click)="room.takeMediaHere()">
              {{ 'live.stage.mediaHere' | translate }}
            </button>
          </div>
        } @else if (room.mediaTrouble() === 'failed') {
          <p class="notice" role="status" data-testid="media-failed">
            {{ 'live.stage.mediaFailed' | translate }}
          </p>
        }
        @if (room.mode() !== 'slides') {
          <div class="videos" [class.strip]="hasSlides()">
            @if (preview(); as stream) {
              <sb-video-tile
                [stream]="stream"
                [local]="true"
                [label]="'live.stage.you' | translate"
              />
            }
            @for (r of remote(); track r.socketId) {
              <sb-video-tile
                [stream]="r.stream"
                [label]="r.name"
                [showVideo]="room.mode() === 'video'"
                [observe]="r.observe"
              />
            }
          </div>
          @if (!preview() && remote().length === 0 && !hasSlides()) {
            <p class="sb-muted waiting">{{ 'live.stage.waiting' | translate }}</p>
          }
        } @else {
          <p class="sb-muted">{{ 'live.dataSaver.slidesNote' | translate }}</p>
        }
        <sb-slides-view />
        <sb-reactions class="reactions" />
      </div>
      <sb-media-controls />
    </section>
  `,
  styles: `
    .screen {
      position: relative;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .videos {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 280px), 1fr));
      gap: 8px;
    }
    .videos.strip {
      grid-template-columns: repeat(auto-fill, minmax(160px, 220px));
    }
    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      margin: 0;
    }
    .waiting {
      padding: 32px 8px;
      text-align: center;
    }
  `,
})
export class StageComponent {
  protected readonly room = inject(LiveRoomService);
  protected readonly preview = this.room.media.preview;
  protected readonly hasSlides = computed(() => this.room.store.slides() !== null);

  /** Received streams with their publisher's name. */
  protected readonly remote = computed(() => {
    const names = new Map(this.room.store.participants().map((p) => [p.userId, p.name]));
    return this.room.remoteStreams().map((r) => ({ ...r, name: names.get(r.userId) ?? '' }));
  });
}
