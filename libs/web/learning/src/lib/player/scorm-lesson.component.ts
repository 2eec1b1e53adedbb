import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  type ElementRef,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { TranslatePipe } from '@ngx-translate/core';
import type { ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, toProblem } from '@siantar/web-core';
import { firstValueFrom } from 'rxjs';
import { LearningApi } from '../api/learning.api';
import { ProgressQueueService, newId } from '../progress/progress-queue.service';
import { readScormSnapshot, writeScormSnapshot } from '../progress/scorm-snapshot';
import {
  type Scorm12Runtime,
  createScorm12Runtime,
  loadScorm12,
  withLocalCommit,
} from './scorm-runtime';
import { sameOrigin } from './urls';

type ScormWindow = Window & { API?: Scorm12Runtime };

/**
 * A SCORM 1.2 SCO in an iframe. `window.API` (scorm-again's Scorm12API, initialised from the
 * server's cmi) is in place BEFORE the iframe gets its URL. Every LMSCommit/LMSFinish becomes a
 * ScormCommitRequest with a fresh id, queued like the other progress events.
 */
@Component({
  selector: 'sb-scorm-lesson',
  imports: [MatProgressBarModule, TranslatePipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-problem-alert [problem]="problem()" />
    @if (launchUrl(); as src) {
      <iframe
        #frame
        class="sb-sco"
        data-testid="scorm-frame"
        [src]="src"
        [title]="title()"
        allow="fullscreen"
      ></iframe>
    } @else if (!problem()) {
      <mat-progress-bar
        mode="indeterminate"
        [attr.aria-label]="'learning.player.scormLoading' | translate"
      />
    }
  `,
  styles: `
    .sb-sco {
      width: 100%;
      height: 75vh;
      min-height: 420px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: #fff;
    }
  `,
})
export class ScormLessonComponent {
  private readonly api = inject(LearningApi);
  private readonly queue = inject(ProgressQueueService);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly window = inject(DOCUMENT).defaultView as ScormWindow | null;

  readonly enrolmentId = input.required<string>();
  readonly lessonId = input.required<string>();
  readonly title = input('');

  protected readonly launchUrl = signal<SafeResourceUrl | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private readonly frame = viewChild<ElementRef<HTMLIFrameElement>>('frame');
  private runtime: Scorm12Runtime | null = null;
  private destroyed = false;

  constructor() {
    effect(() => {
      const e = this.enrolmentId();
      const l = this.lessonId();
      untracked(() => void this.start(e, l));
    });
    const onHide = (): void => this.commitNow();
    this.window?.addEventListener('pagehide', onHide);
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.window?.removeEventListener('pagehide', onHide);
      // Unload the SCO now, while window.API is still there for its LMSFinish.
      this.frame()?.nativeElement.remove();
      this.commitNow();
      if (this.window && this.window.API === this.runtime) {
        delete this.window.API;
      }
      this.runtime = null;
    });
  }

  private async start(enrolmentId: string, lessonId: string): Promise<void> {
    try {
      const local = readScormSnapshot(enrolmentId, lessonId);
      if (local) {
        // Left by a visit that ended before the server confirmed it: make sure it is queued.
        await this.queue.recordScormCommit(enrolmentId, lessonId, local);
      }
      // Let queued commits reach the server first, so it answers with the latest state.
      await Promise.race([this.queue.flush(), new Promise((r) => setTimeout(r, 3000))]);
      const [state, Api] = await Promise.all([
        firstValueFrom(this.api.scormState(enrolmentId, lessonId)),
        loadScorm12(),
      ]);
      if (this.destroyed) {
        return;
      }
      if (!sameOrigin(state.launchUrl)) {
        throw new Error('SCORM launch URL is not on this origin');
      }
      const cmi = withLocalCommit(state.cmi, readScormSnapshot(enrolmentId, lessonId));
      this.runtime = createScorm12Runtime(
        Api,
        cmi,
        (commit) => {
          writeScormSnapshot(enrolmentId, lessonId, commit);
          void this.queue.recordScormCommit(enrolmentId, lessonId, commit);
        },
        newId,
      );
      if (this.window) {
        this.window.API = this.runtime;
      }
      // Only now does the iframe get its URL: the SCO finds window.parent.API on load.
      this.launchUrl.set(this.sanitizer.bypassSecurityTrustResourceUrl(state.launchUrl));
    } catch (error: unknown) {
      this.problem.set(toProblem(error));
    }
  }

  /** Saves the SCO's current state when it did not finish itself (navigating away, closing the tab). */
  private commitNow(): void {
    const rt = this.runtime;
    if (rt && rt.isInitialized() && !rt.isTerminated()) {
      rt.LMSCommit('');
    }
  }
}
