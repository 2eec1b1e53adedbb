import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterRenderEffect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { LIVE_LIMITS, type LiveChatMessageView } from '@siantar/contracts';
import { WIB_ZONE } from '../../shared/wib-time';
import { LiveRoomService } from '../live-room.service';

/** Chat: history with older pages on demand, a send box with a counter, deletion for hosts. */
@Component({
  selector: 'sb-chat-panel',
  imports: [
    DatePipe,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.chatHasMore()) {
      <button mat-button type="button" (click)="loadOlder()" [disabled]="loadingOlder()">
        {{ 'live.chat.older' | translate }}
      </button>
    }
    <ol #log class="log" role="log" [attr.aria-label]="'live.chat.label' | translate" tabindex="0">
      @for (m of store.chat(); track m.id) {
        <li
          class="message"
          [class.mine]="m.userId === store.me()?.userId"
          data-testid="chat-message"
        >
          <div class="meta">
            <span class="sb-strong">{{ m.name }}</span>
            @if (m.role !== 'participant') {
              <span class="sb-chip">{{ 'live.role.' + m.role | translate }}</span>
            }
            <time class="sb-muted" [attr.datetime]="m.sentAt">{{
              m.sentAt | date: 'HH.mm' : zone
            }}</time>
            @if (store.isHost()) {
              <button
                mat-icon-button
                type="button"
                class="delete"
                (click)="remove(m)"
                [attr.aria-label]="'live.chat.delete' | translate: { name: m.name }"
              >
                <mat-icon svgIcon="sbv-delete" aria-hidden="true" />
              </button>
            }
          </div>
          <p class="text">{{ m.text }}</p>
        </li>
      } @empty {
        <li class="sb-muted">{{ 'live.chat.empty' | translate }}</li>
      }
    </ol>
    <form class="send" (ngSubmit)="send()">
      <mat-form-field class="box">
        <mat-label>{{ 'live.chat.message' | translate }}</mat-label>
        <textarea
          matInput
          name="text"
          rows="2"
          [maxlength]="max"
          [(ngModel)]="text"
          (keydown.enter)="onEnter($event)"
          data-testid="chat-input"
        ></textarea>
        <mat-hint align="end" aria-live="polite">{{ text().length }}/{{ max }}</mat-hint>
      </mat-form-field>
      <button
        mat-icon-button
        type="submit"
        [disabled]="!text().trim() || sending()"
        [attr.aria-label]="'live.chat.send' | translate"
        data-testid="chat-send"
      >
        <mat-icon svgIcon="sbv-send" aria-hidden="true" />
      </button>
    </form>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-height: 0;
    }
    .log {
      list-style: none;
      margin: 0;
      padding: 0;
      overflow-y: auto;
      max-height: 50vh;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .message {
      padding: 6px 10px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .message.mine {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .meta {
      display: flex;
      align-items: center;
      gap: 6px;
      flex-wrap: wrap;
    }
    .delete {
      margin-inline-start: auto;
    }
    .text {
      margin: 2px 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .send {
      display: flex;
      align-items: flex-start;
      gap: 4px;
    }
    .box {
      flex: 1 1 auto;
    }
  `,
})
export class ChatPanelComponent {
  private readonly room = inject(LiveRoomService);
  protected readonly store = this.room.store;
  protected readonly max = LIVE_LIMITS.chatMaxLength;
  protected readonly zone = WIB_ZONE;
  protected readonly text = signal('');
  protected readonly sending = signal(false);
  protected readonly loadingOlder = signal(false);
  private readonly log = viewChild.required<ElementRef<HTMLElement>>('log');
  private lastNewestId: string | null = null;

  constructor() {
    // New messages at the bottom scroll into view (not when older ones were put on top).
    afterRenderEffect(() => {
      const chat = this.store.chat();
      const newest = chat[chat.length - 1]?.id ?? null;
      if (newest !== this.lastNewestId) {
        this.lastNewestId = newest;
        const el = this.log().nativeElement;
        el.scrollTop = el.scrollHeight;
      }
    });
  }

  protected onEnter(event: Event): void {
    if (!(event as KeyboardEvent).shiftKey) {
      event.preventDefault();
      void this.send();
    }
  }

  protected async send(): Promise<void> {
    const text = this.text().trim();
    if (!text || this.sending()) {
      return;
    }
    this.sending.set(true);
    const res = await this.room.send('chat:send', { text });
    this.sending.set(false);
    if (res) {
      this.store.chatMessage(res.data);
      this.text.set('');
    }
  }

  protected async loadOlder(): Promise<void> {
    const oldest = this.store.chat()[0];
    this.loadingOlder.set(true);
    const res = await this.room.send('chat:history', oldest ? { before: oldest.id } : {});
    this.loadingOlder.set(false);
    if (res) {
      this.store.chatHistory(res.data.messages, res.data.hasMore);
    }
  }

  protected remove(m: LiveChatMessageView): void {
    void this.room.send('chat:delete', { messageId: m.id }).then((res) => {
      if (res) {
        this.store.chatDeleted({ messageId: m.id });
      }
    });
  }
}
