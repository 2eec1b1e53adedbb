import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '@ngx-translate/core';
import { LiveRoomService } from '../live-room.service';
import { DATA_SAVER_MODES, type DataSaverMode } from '../media/data-saver';
import type { MediaKind } from '../media/local-media';

interface MediaButton {
  kind: MediaKind;
  on: string;
  off: string;
  label: string;
}

const MEDIA_BUTTONS: readonly MediaButton[] = [
  { kind: 'camera', on: 'sbv-camera', off: 'sbv-camera-off', label: 'live.media.camera' },
  { kind: 'microphone', on: 'sbv-mic', off: 'sbv-mic-off', label: 'live.media.microphone' },
  { kind: 'screen', on: 'sbv-screen', off: 'sbv-screen', label: 'live.media.screen' },
];

/** Camera, microphone and screen (hosts and speakers), raised hand, and "Mode hemat data". */
@Component({
  selector: 'sb-media-controls',
  imports: [MatButtonModule, MatButtonToggleModule, MatIconModule, MatTooltipModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="controls" role="toolbar" [attr.aria-label]="'live.media.toolbar' | translate">
      @if (room.store.canPublish()) {
        @for (b of buttons; track b.kind) {
          <button
            mat-mini-fab
            type="button"
            [class.off]="!state()[b.kind]"
            [attr.aria-pressed]="state()[b.kind]"
            [attr.aria-label]="b.label | translate"
            [matTooltip]="b.label | translate"
            [disabled]="b.kind === 'microphone' && muted()"
            [attr.data-testid]="'media-' + b.kind"
            (click)="room.toggleMedia(b.kind)"
          >
            <mat-icon [svgIcon]="state()[b.kind] ? b.on : b.off" aria-hidden="true" />
          </button>
        }
      }
      <button
        mat-stroked-button
        type="button"
        [attr.aria-pressed]="room.store.handRaised()"
        data-testid="raise-hand"
        (click)="toggleHand()"
      >
        <mat-icon svgIcon="sbv-hand" aria-hidden="true" />
        {{ (room.store.handRaised() ? 'live.hand.lower' : 'live.hand.raise') | translate }}
      </button>
      <span class="spacer"></span>
      <mat-button-toggle-group
        [value]="room.mode()"
        (change)="setMode($event.value)"
        [attr.aria-label]="'live.dataSaver.label' | translate"
        hideSingleSelectionIndicator
        data-testid="data-saver"
      >
        @for (m of modes; track m) {
          <mat-button-toggle [value]="m">{{ 'live.dataSaver.' + m | translate }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
    </div>
    @if (muted() && room.store.canPublish()) {
      <p class="sb-muted">{{ 'live.media.mutedByHost' | translate }}</p>
    }
    @if (room.suggestion(); as s) {
      <div class="suggestion" role="status">
        <span>{{
          'live.dataSaver.suggest' | translate: { mode: ('live.dataSaver.' + s | translate) }
        }}</span>
        <button mat-button type="button" (click)="room.acceptSuggestion()">
          {{ 'live.dataSaver.accept' | translate }}
        </button>
        <button mat-button type="button" (click)="room.dismissSuggestion()">
          {{ 'live.dataSaver.dismiss' | translate }}
        </button>
      </div>
    }
  `,
  styles: `
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding-block: 8px;
    }
    .spacer {
      flex: 1 1 auto;
    }
    .off {
      --mat-fab-small-container-color: var(--mat-sys-surface-container-highest);
      --mat-fab-small-foreground-color: var(--mat-sys-on-surface-variant);
    }
    .suggestion {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
})
export class MediaControlsComponent {
  protected readonly room = inject(LiveRoomService);
  protected readonly buttons = MEDIA_BUTTONS;
  protected readonly modes = DATA_SAVER_MODES;
  protected readonly state = this.room.media.state;
  protected readonly muted = computed(() => this.room.store.me()?.muted ?? false);

  protected toggleHand(): void {
    void this.room.send('hand:raise', { raised: !this.room.store.handRaised() });
  }

  protected setMode(mode: DataSaverMode): void {
    this.room.setMode(mode);
  }
}
