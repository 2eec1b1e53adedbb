import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { ProgressQueueService } from '../progress/progress-queue.service';
import { safeHttpUrl } from './urls';

/** An external link: opens in a new tab, which completes the lesson. */
@Component({
  selector: 'sb-link-lesson',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>{{ 'learning.player.linkIntro' | translate }}</p>
    @if (href(); as h) {
      <p class="sb-muted sb-path">{{ h }}</p>
      <a mat-flat-button [href]="h" target="_blank" rel="noopener noreferrer" (click)="opened()">
        <mat-icon svgIcon="sbl-open" aria-hidden="true" />
        {{ 'learning.player.openLink' | translate }}
        <span class="sb-visually-hidden">({{ 'learning.player.newTab' | translate }})</span>
      </a>
    }
  `,
})
export class LinkLessonComponent {
  private readonly queue = inject(ProgressQueueService);
  readonly url = input.required<string>();
  readonly enrolmentId = input.required<string>();
  readonly lessonId = input.required<string>();
  protected readonly href = computed(() => safeHttpUrl(this.url()));

  protected opened(): void {
    void this.queue.record({
      enrolmentId: this.enrolmentId(),
      lessonId: this.lessonId(),
      kind: 'completed',
    });
  }
}
