import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, sendRequest, confirmAction } from '@siantar/web-core';
import { LiveApi } from '../api/live.api';

/** The personal iCalendar feed URL: copy it into a calendar app, or replace it. */
@Component({
  selector: 'sb-calendar-feed',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="feed" aria-labelledby="sbv-feed-title">
      <h2 id="sbv-feed-title">{{ 'live.feed.title' | translate }}</h2>
      <p class="sb-muted">{{ 'live.feed.intro' | translate }}</p>
      <sb-problem-alert [problem]="problem()" />
      @if (url(); as u) {
        <mat-form-field class="url">
          <mat-label>{{ 'live.feed.url' | translate }}</mat-label>
          <input matInput [value]="u" readonly data-testid="feed-url" (focus)="select($event)" />
        </mat-form-field>
        <div class="sb-actions">
          <button mat-stroked-button type="button" (click)="copy(u)" data-testid="feed-copy">
            <mat-icon svgIcon="sbv-copy" aria-hidden="true" />
            {{ 'live.feed.copy' | translate }}
          </button>
          <button
            mat-button
            type="button"
            (click)="rotate()"
            [disabled]="busy()"
            data-testid="feed-rotate"
          >
            <mat-icon svgIcon="sbv-rotate" aria-hidden="true" />
            {{ 'live.feed.rotate' | translate }}
          </button>
        </div>
        <p class="sb-muted">{{ 'live.feed.secret' | translate }}</p>
      }
    </section>
  `,
  styles: `
    .feed h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 4px;
    }
    .url {
      width: 100%;
    }
  `,
})
export class CalendarFeedComponent {
  private readonly api = inject(LiveApi);
  private readonly clipboard = inject(Clipboard);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  protected readonly url = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    sendRequest(this.api.feedUrl(), this.state(), (r) => this.url.set(r.url));
  }

  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  protected copy(url: string): void {
    const key = this.clipboard.copy(url) ? 'live.feed.copied' : 'live.feed.copyFailed';
    this.snackBar.open(this.translate.instant(key), undefined, { duration: 3000 });
  }

  protected rotate(): void {
    confirmAction(this.dialog, {
      title: 'live.feed.rotateTitle',
      message: 'live.feed.rotateMessage',
      confirm: 'live.feed.rotate',
    }).subscribe((yes) => {
      if (yes) {
        sendRequest(this.api.rotateFeedUrl(), this.state(), (r) => {
          this.url.set(r.url);
          this.snackBar.open(this.translate.instant('live.feed.rotated'), undefined, {
            duration: 4000,
          });
        });
      }
    });
  }

  private state() {
    return { busy: this.busy, problem: this.problem };
  }
}
