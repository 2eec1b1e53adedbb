import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { LiveRoomService } from '../live-room.service';
import { PollCardComponent } from './poll-card.component';
import { PollFormComponent } from './poll-form.component';

/** Polls: open ones first; hosts create, launch and close them. */
@Component({
  selector: 'sb-polls-panel',
  imports: [MatButtonModule, MatIconModule, TranslatePipe, PollCardComponent, PollFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.isHost()) {
      @if (creating()) {
        <sb-poll-form (created)="creating.set(false)" (cancelled)="creating.set(false)" />
      } @else {
        <button
          mat-stroked-button
          type="button"
          (click)="creating.set(true)"
          data-testid="poll-new"
        >
          <mat-icon svgIcon="add" aria-hidden="true" />
          {{ 'live.polls.new' | translate }}
        </button>
      }
    }
    <div class="list">
      @for (p of store.polls(); track p.id) {
        <sb-poll-card [poll]="p" />
      } @empty {
        <p class="sb-muted">{{ 'live.polls.empty' | translate }}</p>
      }
    </div>
  `,
  styles: `
    .list {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin-top: 12px;
    }
  `,
})
export class PollsPanelComponent {
  protected readonly store = inject(LiveRoomService).store;
  protected readonly creating = signal(false);
}
