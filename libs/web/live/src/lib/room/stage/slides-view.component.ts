import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { TranslatePipe } from '@ngx-translate/core';
import type { ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, sendRequest } from '@siantar/web-core';
import { LiveApi } from '../../api/live.api';
import { LiveRoomService } from '../live-room.service';

/** Most pages the server accepts for `slides:page`. */
const MAX_PAGE = 2000;

/**
 * The slide deck: a PDF in the browser's own viewer, reloaded at `#page=N` whenever the host
 * turns the page. The host uploads the deck and turns pages (buttons, or the arrow keys
 * while the slide has focus); everyone else follows.
 */
@Component({
  selector: 'sb-slides-view',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (slides(); as s) {
      <div
        class="deck"
        [attr.tabindex]="isHost() ? 0 : null"
        [attr.aria-label]="'live.slides.deck' | translate: { page: s.page }"
        role="group"
        (keydown)="onKey($event)"
        data-testid="slides"
      >
        @for (src of frames(); track src.key) {
          <iframe
            [src]="src.url"
            [title]="'live.slides.deck' | translate: { page: s.page }"
          ></iframe>
        }
      </div>
      <div class="bar">
        @if (isHost()) {
          <button
            mat-icon-button
            type="button"
            (click)="turn(-1)"
            [disabled]="s.page <= 1"
            [attr.aria-label]="'live.slides.previous' | translate"
          >
            <mat-icon svgIcon="sbv-prev" aria-hidden="true" />
          </button>
        }
        <span aria-live="polite">{{ 'live.slides.page' | translate: { page: s.page } }}</span>
        @if (isHost()) {
          <button
            mat-icon-button
            type="button"
            (click)="turn(1)"
            [disabled]="s.page >= maxPage"
            [attr.aria-label]="'live.slides.next' | translate"
          >
            <mat-icon svgIcon="sbv-next" aria-hidden="true" />
          </button>
          <button mat-button type="button" (click)="remove()">
            {{ 'live.slides.remove' | translate }}
          </button>
        }
      </div>
    } @else if (!isHost()) {
      <p class="sb-muted">{{ 'live.slides.none' | translate }}</p>
    }
    @if (isHost()) {
      <label class="upload">
        <span class="sb-file-label">{{ 'live.slides.upload' | translate }}</span>
        <input
          type="file"
          accept="application/pdf,.pdf"
          class="sb-file-input"
          [disabled]="busy()"
          (change)="upload($event)"
          data-testid="slides-upload"
        />
      </label>
      @if (busy()) {
        <mat-progress-bar
          mode="indeterminate"
          [attr.aria-label]="'live.slides.uploading' | translate"
        />
      }
      <sb-problem-alert [problem]="problem()" />
    }
  `,
  styles: `
    .deck {
      border-radius: 12px;
      overflow: hidden;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
    }
    iframe {
      display: block;
      width: 100%;
      aspect-ratio: 4 / 3;
      max-height: 70vh;
      border: 0;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 8px;
      padding-block: 4px;
    }
    .upload {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-top: 8px;
    }
  `,
})
export class SlidesViewComponent {
  private readonly room = inject(LiveRoomService);
  private readonly api = inject(LiveApi);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly origin = inject(DOCUMENT).location?.origin ?? '';

  protected readonly maxPage = MAX_PAGE;
  protected readonly slides = this.room.store.slides;
  protected readonly isHost = this.room.store.isHost;
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  /** One frame, recreated on each page turn (the viewer reads `#page` only when it loads). */
  protected readonly frames = computed<{ key: string; url: SafeResourceUrl }[]>(() => {
    const s = this.slides();
    if (!s || !this.sameOrigin(s.url)) {
      return [];
    }
    const url = `${s.url.split('#')[0]}#page=${s.page}&view=Fit`;
    return [{ key: url, url: this.sanitizer.bypassSecurityTrustResourceUrl(url) }];
  });

  protected turn(delta: number): void {
    const s = this.slides();
    if (!s) {
      return;
    }
    const page = Math.min(MAX_PAGE, Math.max(1, s.page + delta));
    if (page !== s.page) {
      void this.room.send('slides:page', { page });
    }
  }

  protected onKey(event: KeyboardEvent): void {
    if (!this.isHost()) {
      return;
    }
    if (event.key === 'ArrowRight' || event.key === 'PageDown') {
      event.preventDefault();
      this.turn(1);
    } else if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
      event.preventDefault();
      this.turn(-1);
    }
  }

  protected upload(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) {
      return;
    }
    sendRequest(
      this.api.uploadSlides(file),
      { busy: this.busy, problem: this.problem },
      (stored) => {
        input.value = '';
        void this.room.send('slides:set', { fileId: stored.id });
      },
    );
  }

  protected remove(): void {
    void this.room.send('slides:set', { fileId: null });
  }

  /** Only our own (signed) file URLs are framed. */
  private sameOrigin(url: string): boolean {
    try {
      return new URL(url, this.origin).origin === this.origin;
    } catch {
      return false;
    }
  }
}
