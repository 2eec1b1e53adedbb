import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  type ElementRef,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ProgressQueueService } from '../progress/progress-queue.service';
import { type Range, WatchedTracker, mergeRange, watchedSeconds } from './watched-ranges';

/** Seconds between `video` events while playing. */
export const VIDEO_EVENT_SECONDS = 10;

const rangesKey = (enrolmentId: string, lessonId: string): string =>
  `siantar.learning.watched.${enrolmentId}.${lessonId}`;

/**
 * HTML5 video (signed URL or external URL). Resumes at the saved position, counts distinct
 * seconds watched (merged played ranges, kept on this device across visits), and sends
 * `video` events every 10 s while playing and on pause, end and leaving the page.
 */
@Component({
  selector: 'sb-video-lesson',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <video
      #video
      class="sb-video"
      controls
      preload="metadata"
      playsinline
      [src]="url()"
      [attr.aria-label]="title()"
      (loadedmetadata)="onMetadata()"
      (timeupdate)="onTime()"
      (seeking)="tracker.close()"
      (pause)="onStop()"
      (ended)="onStop()"
    >
      <a [href]="url()" target="_blank" rel="noopener">{{
        'learning.player.videoFallback' | translate
      }}</a>
    </video>
  `,
  styles: `
    .sb-video {
      width: 100%;
      max-height: 70vh;
      background: #000;
      border-radius: 12px;
    }
  `,
})
export class VideoLessonComponent {
  private readonly queue = inject(ProgressQueueService);
  private readonly document = inject(DOCUMENT);

  readonly url = input.required<string>();
  readonly title = input('');
  readonly enrolmentId = input.required<string>();
  readonly lessonId = input.required<string>();
  readonly startAt = input<number | null>(null);

  private readonly video = viewChild.required<ElementRef<HTMLVideoElement>>('video');
  protected readonly tracker = new WatchedTracker();
  private earlier: Range[] = [];
  private lastSent = 0;
  private dirty = false;

  constructor() {
    const onHide = (): void => this.send();
    this.document.defaultView?.addEventListener('pagehide', onHide);
    inject(DestroyRef).onDestroy(() => {
      this.document.defaultView?.removeEventListener('pagehide', onHide);
      this.onStop();
    });
  }

  protected onMetadata(): void {
    const v = this.video().nativeElement;
    this.earlier = this.loadRanges();
    const at = this.startAt();
    if (at && Number.isFinite(v.duration) && at < v.duration - 3) {
      v.currentTime = at;
    }
  }

  protected onTime(): void {
    const v = this.video().nativeElement;
    if (v.paused || v.seeking) {
      return;
    }
    this.tracker.tick(v.currentTime);
    this.dirty = true;
    if (Date.now() - this.lastSent >= VIDEO_EVENT_SECONDS * 1000) {
      this.send();
    }
  }

  protected onStop(): void {
    this.tracker.close();
    this.send();
  }

  private ranges(): Range[] {
    let all = [...this.earlier];
    for (const r of this.tracker.snapshot()) {
      all = mergeRange(all, r);
    }
    return all;
  }

  private send(): void {
    if (!this.dirty) {
      return;
    }
    this.dirty = false;
    this.lastSent = Date.now();
    const v = this.video().nativeElement;
    this.tracker.close();
    const ranges = this.ranges();
    this.saveRanges(ranges);
    const duration = Number.isFinite(v.duration) ? v.duration : undefined;
    void this.queue.record({
      enrolmentId: this.enrolmentId(),
      lessonId: this.lessonId(),
      kind: 'video',
      positionSeconds: Math.max(0, Math.round(v.currentTime * 10) / 10),
      watchedSeconds: Math.round(watchedSeconds(ranges) * 10) / 10,
      ...(duration !== undefined ? { durationSeconds: Math.round(duration * 10) / 10 } : {}),
    });
    // Keep following the stretch that is still playing.
    if (!v.paused) {
      this.tracker.tick(v.currentTime);
    }
  }

  private loadRanges(): Range[] {
    try {
      const raw = localStorage.getItem(rangesKey(this.enrolmentId(), this.lessonId()));
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      let out: Range[] = [];
      if (Array.isArray(parsed)) {
        for (const r of parsed) {
          if (Array.isArray(r) && r.length === 2) {
            out = mergeRange(out, [Number(r[0]), Number(r[1])]);
          }
        }
      }
      return out;
    } catch {
      return [];
    }
  }

  private saveRanges(ranges: Range[]): void {
    try {
      localStorage.setItem(rangesKey(this.enrolmentId(), this.lessonId()), JSON.stringify(ranges));
    } catch {
      // Storage full or unavailable: the server still gets the count of this visit.
    }
  }
}
