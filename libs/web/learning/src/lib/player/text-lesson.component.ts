import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  DOCUMENT,
  type ElementRef,
  afterNextRender,
  inject,
  input,
  viewChildren,
} from '@angular/core';
import { ProgressQueueService } from '../progress/progress-queue.service';

/** Seconds between `time` events while the page is visible. */
export const TIME_EVENT_SECONDS = 15;
/** Scroll markers, in percent of the text. */
const MARKS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

/**
 * A text lesson: server-sanitised HTML. Sends the furthest percent seen (markers watched by an
 * IntersectionObserver, whatever element scrolls) and `time` every 15 s while visible.
 */
@Component({
  selector: 'sb-text-lesson',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-text-wrap">
      <article class="sb-text" [innerHTML]="html()"></article>
      @for (m of marks; track m) {
        <span
          #mark
          class="sb-mark"
          aria-hidden="true"
          [attr.data-percent]="m"
          [attr.data-testid]="m === 100 ? 'lesson-end' : null"
          [style.top.%]="m"
        ></span>
      }
    </div>
  `,
  styles: `
    .sb-text-wrap {
      position: relative;
    }
    .sb-text {
      font: var(--mat-sys-body-large);
      line-height: 1.7;
      max-width: 72ch;
      overflow-wrap: anywhere;
      :is(img, video, iframe, table) {
        max-width: 100%;
      }
      pre {
        overflow-x: auto;
      }
    }
    .sb-mark {
      position: absolute;
      inset-inline-start: 0;
      width: 1px;
      height: 1px;
      transform: translateY(-1px);
      pointer-events: none;
    }
  `,
})
export class TextLessonComponent {
  private readonly queue = inject(ProgressQueueService);
  private readonly document = inject(DOCUMENT);

  readonly html = input.required<string>();
  readonly enrolmentId = input.required<string>();
  readonly lessonId = input.required<string>();

  protected readonly marks = MARKS;
  private readonly markEls = viewChildren<ElementRef<HTMLElement>>('mark');
  private maxSeen = 0;
  private sentPercent = 0;
  private visibleSince: number | null = null;
  private carried = 0;
  private scrollTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const Observer = this.document.defaultView?.IntersectionObserver;
      if (!Observer) {
        this.seen(100);
        return;
      }
      const observer = new Observer((entries) => {
        for (const e of entries) {
          if (e.isIntersecting || e.boundingClientRect.top < 0) {
            this.seen(Number((e.target as HTMLElement).dataset['percent']));
          }
        }
      });
      for (const el of this.markEls()) {
        observer.observe(el.nativeElement);
      }
      destroyRef.onDestroy(() => observer.disconnect());
    });

    // Time on the page, counted only while the tab is visible.
    const onVisibility = (): void => {
      if (this.document.visibilityState === 'visible') {
        this.visibleSince ??= Date.now();
      } else {
        this.bank();
      }
    };
    onVisibility();
    this.document.addEventListener('visibilitychange', onVisibility);
    const timer = setInterval(() => {
      this.bank();
      if (this.document.visibilityState === 'visible') {
        this.visibleSince = Date.now();
      }
      if (this.carried >= TIME_EVENT_SECONDS) {
        this.sendTime();
      }
    }, TIME_EVENT_SECONDS * 1000);
    destroyRef.onDestroy(() => {
      clearInterval(timer);
      this.document.removeEventListener('visibilitychange', onVisibility);
      this.sendScroll();
      this.bank();
      if (this.carried >= 1) {
        this.sendTime();
      }
    });
  }

  private seen(percent: number): void {
    if (!Number.isFinite(percent) || percent <= this.maxSeen) {
      return;
    }
    this.maxSeen = percent;
    // Markers come in bursts while scrolling: send the furthest one a moment later.
    this.scrollTimer ??= setTimeout(() => this.sendScroll(), 400);
  }

  private sendScroll(): void {
    if (this.scrollTimer !== null) {
      clearTimeout(this.scrollTimer);
      this.scrollTimer = null;
    }
    if (this.maxSeen > this.sentPercent) {
      this.sentPercent = this.maxSeen;
      void this.queue.record({
        enrolmentId: this.enrolmentId(),
        lessonId: this.lessonId(),
        kind: 'scrolled',
        percent: this.maxSeen,
      });
    }
  }

  private bank(): void {
    if (this.visibleSince !== null) {
      this.carried += (Date.now() - this.visibleSince) / 1000;
      this.visibleSince = null;
    }
  }

  private sendTime(): void {
    const seconds = Math.min(3600, Math.round(this.carried));
    this.carried = 0;
    if (seconds > 0) {
      void this.queue.record({
        enrolmentId: this.enrolmentId(),
        lessonId: this.lessonId(),
        kind: 'time',
        seconds,
      });
    }
  }
}
