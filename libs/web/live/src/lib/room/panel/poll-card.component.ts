import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatRadioModule } from '@angular/material/radio';
import { TranslatePipe } from '@ngx-translate/core';
import type { LivePollView } from '@siantar/contracts';
import { LiveRoomService } from '../live-room.service';
import { pollBars, pollVerdict } from './poll-results';

/**
 * One poll. Participants vote once while it is open, then follow the counts; hosts launch,
 * close and always see the counts. A graded poll shows the right options once closed.
 */
@Component({
  selector: 'sb-poll-card',
  imports: [DecimalPipe, MatButtonModule, MatCheckboxModule, MatRadioModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let p = poll();
    <article class="poll" [attr.aria-labelledby]="'poll-q-' + p.id" data-testid="poll">
      <header class="head">
        <h3 [id]="'poll-q-' + p.id">{{ p.question }}</h3>
        <span class="sb-chip" [class.sb-chip-off]="p.status !== 'open'">
          {{ 'live.polls.status.' + p.status | translate }}
        </span>
      </header>
      @if (canVote()) {
        <fieldset class="vote">
          <legend class="sb-visually-hidden">{{ p.question }}</legend>
          @if (p.multiple) {
            @for (o of p.options; track $index) {
              <mat-checkbox
                [checked]="selected().includes($index)"
                (change)="toggle($index, $event.checked)"
                >{{ o }}</mat-checkbox
              >
            }
          } @else {
            <mat-radio-group
              [attr.aria-label]="p.question"
              (change)="selected.set([$event.value])"
              class="radios"
            >
              @for (o of p.options; track $index) {
                <mat-radio-button [value]="$index">{{ o }}</mat-radio-button>
              }
            </mat-radio-group>
          }
          <button
            mat-flat-button
            type="button"
            (click)="vote()"
            [disabled]="selected().length === 0 || sending()"
            data-testid="poll-vote"
          >
            {{ 'live.polls.vote' | translate }}
          </button>
        </fieldset>
      } @else {
        <ul class="bars">
          @for (b of bars(); track $index) {
            <li [class.correct]="b.correct" [class.mine]="b.mine">
              <div class="label">
                <span>
                  {{ b.option }}
                  @if (b.correct) {
                    <span class="sb-chip">{{ 'live.polls.correct' | translate }}</span>
                  }
                  @if (b.mine) {
                    <span class="sb-muted">({{ 'live.polls.yourAnswer' | translate }})</span>
                  }
                </span>
                <span data-testid="poll-count">{{ b.count }}</span>
              </div>
              <div class="track" aria-hidden="true">
                <div class="fill" [style.width.%]="b.share * 100"></div>
              </div>
              <span class="sb-visually-hidden">{{ b.share * 100 | number: '1.0-0' }}%</span>
            </li>
          }
        </ul>
        <p class="sb-muted" data-testid="poll-voters">
          {{ 'live.polls.voters' | translate: { count: p.voters } }}
        </p>
        @if (verdict(); as v) {
          <p class="verdict" role="status">{{ 'live.polls.' + v | translate }}</p>
        }
      }
      @if (isHost()) {
        <div class="sb-actions">
          @if (p.status === 'draft') {
            <button mat-flat-button type="button" (click)="launch()" data-testid="poll-launch">
              {{ 'live.polls.launch' | translate }}
            </button>
          } @else if (p.status === 'open') {
            <button mat-stroked-button type="button" (click)="close()" data-testid="poll-close">
              {{ 'live.polls.close' | translate }}
            </button>
          }
        </div>
      }
    </article>
  `,
  styles: `
    .poll {
      padding: 8px 12px;
      border-radius: 8px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      h3 {
        font: var(--mat-sys-title-medium);
        margin: 4px 0;
      }
    }
    .vote {
      border: 0;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
    }
    .radios {
      display: flex;
      flex-direction: column;
    }
    .bars {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .label {
      display: flex;
      justify-content: space-between;
      gap: 8px;
    }
    .track {
      height: 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      background: var(--mat-sys-primary);
      transition: width 0.3s ease;
    }
    .correct .fill {
      background: var(--mat-sys-tertiary);
    }
    .verdict {
      font-weight: 600;
    }
  `,
})
export class PollCardComponent {
  private readonly room = inject(LiveRoomService);
  readonly poll = input.required<LivePollView>();
  protected readonly isHost = this.room.store.isHost;
  protected readonly selected = signal<number[]>([]);
  protected readonly sending = signal(false);

  protected readonly canVote = computed(
    () => !this.isHost() && this.poll().status === 'open' && this.poll().myVote === null,
  );
  protected readonly bars = computed(() => pollBars(this.poll()));

  /** After a graded poll closes: whether this user's answer was right. */
  protected readonly verdict = computed(() => pollVerdict(this.poll()));

  protected toggle(index: number, checked: boolean): void {
    this.selected.update((s) =>
      checked ? [...new Set([...s, index])].sort((a, b) => a - b) : s.filter((i) => i !== index),
    );
  }

  protected async vote(): Promise<void> {
    const options = this.selected();
    this.sending.set(true);
    const res = await this.room.send('poll:vote', { pollId: this.poll().id, options });
    this.sending.set(false);
    if (res) {
      this.room.store.pollVoted(this.poll().id, options);
    }
  }

  protected launch(): void {
    void this.room.send('poll:launch', { pollId: this.poll().id });
  }

  protected close(): void {
    void this.room.send('poll:close', { pollId: this.poll().id });
  }
}
