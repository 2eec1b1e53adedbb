import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { FollowUpView } from '@siantar/contracts';

/**
 * What a follow-up holds, read-only: the RTL items with the status the alumnus reported, the
 * progress story and evidence files, and the supervisor's confirmation.
 */
@Component({
  selector: 'sb-follow-up-details',
  imports: [DatePipe, DecimalPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let f = followUp();
    @if (f.actionPlan.length) {
      <h4>{{ 'evaluation.followUp.plan' | translate }}</h4>
      <ol class="sbe-items" data-testid="follow-up-plan">
        @for (item of f.actionPlan; track item.id) {
          <li>
            <span class="sb-strong">{{ item.action }}</span>
            <span class="sb-muted"
              >{{ 'evaluation.plan.dueDate' | translate }}:
              {{ item.dueDate | date: 'mediumDate' }} · {{ 'evaluation.plan.measure' | translate }}:
              {{ item.measure }}</span
            >
            @if (statusOf(item.id); as s) {
              <span class="sb-chip" [class.sb-chip-off]="s.status === 'dropped'">{{
                'evaluation.itemStatus.' + s.status | translate
              }}</span>
              @if (s.note) {
                <span>{{ s.note }}</span>
              }
            }
          </li>
        }
      </ol>
    } @else {
      <p class="sb-muted">{{ 'evaluation.followUp.noPlan' | translate }}</p>
    }
    @if (f.report; as r) {
      <h4>{{ 'evaluation.followUp.report' | translate }}</h4>
      <p class="sb-muted">
        {{
          'evaluation.followUp.reportedAt' | translate: { date: (r.reportedAt | date: 'medium') }
        }}
      </p>
      <p class="sbe-story" data-testid="follow-up-progress">{{ r.progress }}</p>
      @if (r.evidence.length) {
        <ul class="sbe-files" [attr.aria-label]="'evaluation.followUp.evidence' | translate">
          @for (e of r.evidence; track e.fileId) {
            <li>
              <a [href]="e.url" target="_blank" rel="noopener">{{ e.filename }}</a>
              <span class="sb-muted"> ({{ e.size / 1024 | number: '1.0-0' }} KB)</span>
            </li>
          }
        </ul>
      }
    }
    @if (f.confirmation; as c) {
      <h4>{{ 'evaluation.followUp.confirmation' | translate }}</h4>
      <p class="sb-muted">
        {{
          'evaluation.followUp.confirmedBy'
            | translate: { name: c.confirmedBy.name, date: (c.confirmedAt | date: 'medium') }
        }}
      </p>
      <dl class="sb-details" data-testid="follow-up-confirmation">
        @for (a of c.answers; track a.question) {
          <dt>{{ 'evaluation.question.' + a.question | translate }}</dt>
          <dd>{{ a.score }} — {{ 'evaluation.likert.' + a.score | translate }}</dd>
        }
      </dl>
      @if (c.comment) {
        <p class="sbe-story">{{ c.comment }}</p>
      }
    }
  `,
  styles: `
    h4 {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    .sbe-items {
      margin: 0;
      padding-inline-start: 20px;
      li {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: 2px;
        margin-bottom: 8px;
      }
    }
    .sbe-story {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .sbe-files {
      margin: 0;
      padding-inline-start: 20px;
      a {
        overflow-wrap: anywhere;
      }
    }
  `,
})
export class FollowUpDetailsComponent {
  readonly followUp = input.required<FollowUpView>();

  protected statusOf(itemId: string): { status: string; note: string | null } | null {
    return this.followUp().report?.items.find((i) => i.itemId === itemId) ?? null;
  }
}
