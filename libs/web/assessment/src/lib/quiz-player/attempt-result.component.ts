import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslatePipe } from '@ngx-translate/core';
import type { AttemptView } from '@siantar/contracts';

/**
 * The outcome of a submitted attempt: "Sedang dinilai…" while the worker grades it, "Menunggu
 * penilaian pelatih" while an essay waits for a trainer, then the score and passed/failed.
 */
@Component({
  selector: 'sb-quiz-attempt-result',
  imports: [DatePipe, DecimalPipe, MatIconModule, MatProgressSpinnerModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let v = view();
    @let r = v.result;
    <section
      class="sb-result"
      data-testid="quiz-result"
      [attr.data-status]="v.status"
      [attr.data-passed]="r?.passed ?? null"
      [attr.aria-labelledby]="'sbq-result-title'"
    >
      <h2 id="sbq-result-title" class="sb-result-title" tabindex="-1">
        {{ 'quiz.result.title' | translate: { n: v.number } }}
      </h2>
      @switch (v.status) {
        @case ('submitted') {
          <div class="sb-state" data-testid="quiz-grading">
            <mat-progress-spinner mode="indeterminate" diameter="32" aria-hidden="true" />
            <span>{{ 'quiz.result.grading' | translate }}</span>
          </div>
        }
        @case ('awaiting-grading') {
          <div class="sb-state" data-testid="quiz-awaiting">
            <mat-icon svgIcon="sbq-hourglass" aria-hidden="true" />
            <span>{{ 'quiz.result.awaiting' | translate }}</span>
          </div>
          @if (r && r.mark !== null) {
            <p>
              {{
                'quiz.result.partialMark'
                  | translate
                    : { mark: (r.mark | number: '1.0-2'), max: (r.maxMark | number: '1.0-2') }
              }}
            </p>
          }
        }
        @case ('graded') {
          @if (r && r.percent !== null) {
            <p class="sb-score" data-testid="quiz-score">
              <span class="sb-percent">{{ r.percent | number: '1.0-1' }}</span>
              <span>{{
                'quiz.result.markOf'
                  | translate
                    : { mark: (r.mark ?? 0 | number: '1.0-2'), max: (r.maxMark | number: '1.0-2') }
              }}</span>
            </p>
          } @else {
            <p>{{ 'quiz.result.scoreHidden' | translate }}</p>
          }
        }
      }
      @if (v.status !== 'submitted' && r?.passed !== null && r?.passed !== undefined) {
        <p class="sb-verdict" [class.sb-failed]="!r?.passed" data-testid="quiz-passed">
          <mat-icon [svgIcon]="r?.passed ? 'sbq-passed' : 'sbq-failed'" aria-hidden="true" />
          {{ (r?.passed ? 'quiz.result.passed' : 'quiz.result.failed') | translate }}
        </p>
      }
      @if (v.submittedAt) {
        <p class="sb-meta">
          {{
            'quiz.result.submittedAt' | translate: { at: (v.submittedAt | date: 'd MMM y, HH.mm') }
          }}
        </p>
      }
    </section>
  `,
  styles: `
    .sb-result {
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .sb-result-title {
      font: var(--mat-sys-title-large);
      margin: 0 0 12px;
    }
    .sb-state,
    .sb-verdict {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 8px 0;
    }
    .sb-score {
      display: flex;
      align-items: baseline;
      flex-wrap: wrap;
      gap: 12px;
      margin: 8px 0;
    }
    .sb-percent {
      font: var(--mat-sys-display-small);
      color: var(--mat-sys-primary);
    }
    .sb-percent::after {
      content: '%';
    }
    .sb-verdict {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    .sb-failed {
      color: var(--mat-sys-error);
    }
    .sb-meta {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0 0;
    }
  `,
})
export class AttemptResultComponent {
  readonly view = input.required<AttemptView>();
}
