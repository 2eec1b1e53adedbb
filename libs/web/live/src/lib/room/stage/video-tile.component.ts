import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterRenderEffect,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * One video: the local preview (always muted) or a publisher's stream. When the browser
 * refuses to play sound before the user touched the page, it plays muted and offers a
 * button to turn the sound on.
 */
@Component({
  selector: 'sb-video-tile',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="tile" [class.audio-only]="!showVideo()">
      <video
        #video
        autoplay
        playsinline
        [muted]="local() || mutedByBrowser()"
        [hidden]="!showVideo()"
        [attr.data-testid]="local() ? 'local-video' : 'remote-video'"
        [attr.aria-label]="label()"
      ></video>
      @if (!showVideo()) {
        <div class="placeholder" aria-hidden="true">{{ initials() }}</div>
      }
      <figcaption>
        {{ label() }}
        @if (mutedByBrowser() && !local()) {
          <button mat-stroked-button type="button" class="unmute" (click)="unmute()">
            <mat-icon svgIcon="sbv-volume" aria-hidden="true" />
            {{ 'live.stage.unmute' | translate }}
          </button>
        }
      </figcaption>
    </figure>
  `,
  styles: `
    .tile {
      position: relative;
      margin: 0;
      border-radius: 12px;
      overflow: hidden;
      background: #1b1f23;
      color: #fff;
      aspect-ratio: 16 / 9;
      display: flex;
      align-items: center;
      justify-content: center;
    }
    video {
      width: 100%;
      height: 100%;
      object-fit: contain;
      background: #000;
    }
    .placeholder {
      font: var(--mat-sys-display-small);
      opacity: 0.8;
    }
    figcaption {
      position: absolute;
      inset-inline-start: 8px;
      bottom: 8px;
      display: flex;
      gap: 8px;
      align-items: center;
      padding: 2px 8px;
      border-radius: 6px;
      background: rgb(0 0 0 / 60%);
      font: var(--mat-sys-label-large);
    }
    .unmute {
      color: #fff;
    }
  `,
})
export class VideoTileComponent {
  readonly stream = input.required<MediaStream>();
  readonly label = input.required<string>();
  readonly local = input(false);
  /** False in "audio only": the element keeps playing the sound, hidden. */
  readonly showVideo = input(true);
  /** The media plane's hook to follow the element (LiveKit's adaptive stream); gives the end. */
  readonly observe = input<((element: HTMLElement) => () => void) | undefined>(undefined);

  private readonly video = viewChild.required<ElementRef<HTMLVideoElement>>('video');
  protected readonly mutedByBrowser = signal(false);

  constructor() {
    // After rendering: the element exists, and a new stream is attached at once.
    afterRenderEffect(() => {
      const el = this.video().nativeElement;
      const stream = this.stream();
      if (el.srcObject !== stream) {
        el.srcObject = stream;
      }
      void this.play(el);
    });
    afterRenderEffect((onCleanup) => {
      const observe = this.observe();
      if (observe) {
        onCleanup(observe(this.video().nativeElement));
      }
    });
  }

  protected initials(): string {
    return this.label()
      .split(/\s+/)
      .slice(0, 2)
      .map((w) => w.charAt(0).toUpperCase())
      .join('');
  }

  protected unmute(): void {
    this.mutedByBrowser.set(false);
    const el = this.video().nativeElement;
    el.muted = false;
    void this.play(el);
  }

  private async play(el: HTMLVideoElement): Promise<void> {
    try {
      await el.play();
    } catch (error: unknown) {
      // Autoplay with sound refused: play muted, the user turns the sound on.
      if (error instanceof DOMException && error.name === 'NotAllowedError' && !el.muted) {
        this.mutedByBrowser.set(true);
        el.muted = true;
        await el.play().catch(() => undefined);
      }
    }
  }
}
