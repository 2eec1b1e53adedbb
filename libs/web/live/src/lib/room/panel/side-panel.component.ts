import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { TranslatePipe } from '@ngx-translate/core';
import { LiveRoomService } from '../live-room.service';
import { AttendancePanelComponent } from './attendance-panel.component';
import { ChatPanelComponent } from './chat-panel.component';
import { PeoplePanelComponent } from './people-panel.component';
import { PollsPanelComponent } from './polls-panel.component';
import { QuestionsPanelComponent } from './questions-panel.component';

/** The side panel's tabs: chat, Q&A, polls, people, and attendance for hosts. */
@Component({
  selector: 'sb-side-panel',
  imports: [
    MatTabsModule,
    TranslatePipe,
    AttendancePanelComponent,
    ChatPanelComponent,
    PeoplePanelComponent,
    PollsPanelComponent,
    QuestionsPanelComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-tab-group
      [preserveContent]="true"
      mat-stretch-tabs="false"
      [attr.aria-label]="'live.panel.label' | translate"
    >
      <mat-tab>
        <ng-template mat-tab-label>{{ 'live.panel.chat' | translate }}</ng-template>
        <div class="body"><sb-chat-panel /></div>
      </mat-tab>
      <mat-tab>
        <ng-template mat-tab-label>
          {{ 'live.panel.qa' | translate }}
          @if (openQuestions()) {
            <span class="count">{{ openQuestions() }}</span>
          }
        </ng-template>
        <div class="body"><sb-questions-panel /></div>
      </mat-tab>
      <mat-tab>
        <ng-template mat-tab-label>
          {{ 'live.panel.polls' | translate }}
          @if (openPolls()) {
            <span class="count">{{ openPolls() }}</span>
          }
        </ng-template>
        <div class="body"><sb-polls-panel /></div>
      </mat-tab>
      <mat-tab>
        <ng-template mat-tab-label>
          {{ 'live.panel.people' | translate }}
          <span class="count">{{ store.participants().length }}</span>
          @if (store.handQueue().length; as hands) {
            <span class="count hands">✋ {{ hands }}</span>
          }
        </ng-template>
        <div class="body"><sb-people-panel /></div>
      </mat-tab>
      @if (store.isHost()) {
        <mat-tab>
          <ng-template mat-tab-label>{{ 'live.panel.attendance' | translate }}</ng-template>
          <ng-template matTabContent>
            <div class="body"><sb-attendance-panel [sessionId]="sessionId()" /></div>
          </ng-template>
        </mat-tab>
      }
    </mat-tab-group>
  `,
  styles: `
    .body {
      padding: 12px 4px;
    }
    .count {
      margin-inline-start: 6px;
      padding: 0 6px;
      border-radius: 999px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-small);
    }
    .hands {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
})
export class SidePanelComponent {
  protected readonly store = inject(LiveRoomService).store;
  readonly sessionId = input.required<string>();

  protected readonly openQuestions = computed(
    () => this.store.questions().filter((q) => !q.answeredAt).length,
  );
  protected readonly openPolls = computed(
    () => this.store.polls().filter((p) => p.status === 'open').length,
  );
}
