import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { LIVE_LIMITS, type LiveQuestionView } from '@siantar/contracts';
import { LiveRoomService } from '../live-room.service';

/** Minimum length of a question (the server's rule). */
const QUESTION_MIN = 3;

/** Q&A: ask (optionally anonymously), upvote, and for hosts mark as answered. */
@Component({
  selector: 'sb-questions-panel',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="ask" (ngSubmit)="ask()">
      <mat-form-field>
        <mat-label>{{ 'live.qa.question' | translate }}</mat-label>
        <textarea
          matInput
          name="text"
          rows="2"
          [maxlength]="max"
          [(ngModel)]="text"
          data-testid="question-input"
        ></textarea>
        <mat-hint align="end">{{ text().length }}/{{ max }}</mat-hint>
      </mat-form-field>
      <div class="row">
        <mat-checkbox name="anonymous" [(ngModel)]="anonymous" data-testid="question-anonymous">
          {{ 'live.qa.anonymous' | translate }}
        </mat-checkbox>
        <button
          mat-flat-button
          type="submit"
          [disabled]="text().trim().length < min || sending()"
          data-testid="question-send"
        >
          {{ 'live.qa.ask' | translate }}
        </button>
      </div>
    </form>
    <ol class="list" [attr.aria-label]="'live.qa.list' | translate">
      @for (q of store.questions(); track q.id) {
        <li class="question" [class.answered]="q.answeredAt" data-testid="question">
          <p class="text">{{ q.text }}</p>
          <div class="meta">
            <span class="sb-muted">
              {{ q.askedBy ? q.askedBy.name : ('live.qa.anonymousName' | translate) }}
              @if (q.mine) {
                ({{ 'live.qa.mine' | translate }})
              }
            </span>
            @if (q.answeredAt) {
              <span class="sb-chip">{{ 'live.qa.answered' | translate }}</span>
            }
            <span class="spacer"></span>
            <button
              mat-stroked-button
              type="button"
              (click)="upvote(q)"
              [disabled]="q.upvotedByMe || q.mine"
              [attr.aria-pressed]="q.upvotedByMe"
              [attr.aria-label]="'live.qa.upvote' | translate: { count: q.upvotes }"
              data-testid="question-upvote"
            >
              <mat-icon svgIcon="sbv-thumb" aria-hidden="true" />
              <span data-testid="question-upvotes">{{ q.upvotes }}</span>
            </button>
            @if (store.isHost()) {
              <button mat-button type="button" (click)="markAnswered(q, !q.answeredAt)">
                {{ (q.answeredAt ? 'live.qa.unmark' : 'live.qa.mark') | translate }}
              </button>
            }
          </div>
        </li>
      } @empty {
        <li class="sb-muted">{{ 'live.qa.empty' | translate }}</li>
      }
    </ol>
  `,
  styles: `
    .ask mat-form-field {
      width: 100%;
    }
    .row,
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .spacer {
      flex: 1 1 auto;
    }
    .list {
      list-style: none;
      margin: 12px 0 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .question {
      padding: 8px 12px;
      border-radius: 8px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .question.answered {
      opacity: 0.75;
    }
    .text {
      margin: 0 0 4px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class QuestionsPanelComponent {
  private readonly room = inject(LiveRoomService);
  protected readonly store = this.room.store;
  protected readonly max = LIVE_LIMITS.questionMaxLength;
  protected readonly min = QUESTION_MIN;
  protected readonly text = signal('');
  protected readonly anonymous = signal(false);
  protected readonly sending = signal(false);

  protected async ask(): Promise<void> {
    const text = this.text().trim();
    if (text.length < QUESTION_MIN || this.sending()) {
      return;
    }
    this.sending.set(true);
    const res = await this.room.send('question:ask', { text, anonymous: this.anonymous() });
    this.sending.set(false);
    if (res) {
      this.store.questionAsked(res.data);
      this.text.set('');
    }
  }

  protected async upvote(q: LiveQuestionView): Promise<void> {
    const res = await this.room.send('question:upvote', { questionId: q.id });
    if (res) {
      this.store.questionUpvoted(q.id);
    }
  }

  protected markAnswered(q: LiveQuestionView, answered: boolean): void {
    void this.room.send('question:answered', { questionId: q.id, answered });
  }
}
