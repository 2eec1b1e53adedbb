import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { VersionHistoryEntry } from '@siantar/contracts';
import { StatusChipComponent } from '../shared/status-chip.component';

/** Every version with its changelog and workflow events, newest first. */
@Component({
  selector: 'sb-version-history',
  imports: [DatePipe, TranslatePipe, StatusChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (sorted().length === 0) {
      <p class="sb-empty">{{ 'authoring.history.empty' | translate }}</p>
    }
    <ol class="versions">
      @for (v of sorted(); track v.number) {
        <li class="version">
          <h3 class="head">
            {{ 'authoring.version' | translate: { n: v.number } }}
            <sb-status-chip [status]="v.status" />
          </h3>
          @if (v.publishedAt) {
            <div class="sb-muted">
              {{
                'authoring.history.publishedAt'
                  | translate: { date: (v.publishedAt | date: 'medium') }
              }}
            </div>
          }
          <p class="changelog">
            <span class="sb-strong">{{ 'authoring.history.changelog' | translate }}:</span>
            {{ v.changelog || ('authoring.history.noChangelog' | translate) }}
          </p>
          @if (v.events.length) {
            <ul class="events" [attr.aria-label]="'authoring.history.events' | translate">
              @for (e of v.events; track $index) {
                <li>
                  <span class="sb-strong">{{
                    'authoring.history.action.' + e.action | translate
                  }}</span>
                  — {{ e.by.name }} ·
                  <time [attr.datetime]="e.at">{{ e.at | date: 'medium' }}</time>
                  @if (e.note) {
                    <div class="note">“{{ e.note }}”</div>
                  }
                </li>
              }
            </ul>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .versions {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .version {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      background: var(--mat-sys-surface);
    }
    .head {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .changelog,
    .note {
      overflow-wrap: anywhere;
      white-space: pre-line;
    }
    .events {
      margin: 0;
      padding-inline-start: 20px;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class VersionHistoryComponent {
  readonly versions = input.required<VersionHistoryEntry[]>();
  protected readonly sorted = computed(() =>
    [...this.versions()].sort((a, b) => b.number - a.number),
  );
}
