import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { ImportPreviewQuestion, ImportPreviewResponse } from '@siantar/contracts';
import { TableRegionComponent } from '@siantar/web-core';

export interface PreviewAnswerRow {
  text: string;
  /** -100..100, or null where the type has no grade per row (pairs, distractors). */
  percent: number | null;
  correct: boolean;
}

/** What one previewed question accepts, as rows for the table (fractions as percentages). */
export function previewAnswers(q: ImportPreviewQuestion): PreviewAnswerRow[] {
  if (q.type === 'true-false') {
    return [{ text: q.correct ? 'true' : 'false', percent: 100, correct: true }];
  }
  if (q.type === 'matching') {
    return [
      ...(q.pairs ?? []).map((p) => ({
        text: `${p.prompt} → ${p.answer}`,
        percent: null,
        correct: true,
      })),
      ...(q.distractors ?? []).map((d) => ({ text: `✗ ${d}`, percent: null, correct: false })),
    ];
  }
  return (q.answers ?? []).map((a) => {
    let text = a.text;
    if (q.type === 'numerical') {
      if (a.min !== undefined && a.max !== undefined) {
        text = `${a.min} … ${a.max}`;
      } else if (a.value !== undefined) {
        text = a.tolerance ? `${a.value} ± ${a.tolerance}` : `${a.value}`;
      }
    }
    const percent = Math.round(a.fraction * 10_000_000) / 100_000;
    return { text, percent, correct: a.fraction > 0 };
  });
}

/** The import preview: line-numbered errors first, then every question that would be saved. */
@Component({
  selector: 'sb-import-preview',
  imports: [DecimalPipe, TranslatePipe, TableRegionComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="sb-summary" role="status" data-testid="import-preview-summary">
      {{
        'assessment.import.previewSummary'
          | translate: { count: preview().questions.length, errors: preview().errors.length }
      }}
    </p>
    @if (preview().errors.length) {
      <section
        class="sba-errors"
        aria-labelledby="sba-import-errors-title"
        data-testid="import-errors"
      >
        <h3 id="sba-import-errors-title">
          {{ 'assessment.import.errorsTitle' | translate: { count: preview().errors.length } }}
        </h3>
        <ul>
          @for (e of sortedErrors(); track $index) {
            <li data-testid="import-error">
              <span class="sb-strong">{{
                'assessment.import.line' | translate: { line: e.line }
              }}</span>
              {{ e.message }}
            </li>
          }
        </ul>
      </section>
    }
    @if (preview().questions.length) {
      <sb-table-region [label]="'assessment.import.previewTable' | translate">
        <table class="sba-table" data-testid="import-preview-table">
          <caption class="sb-visually-hidden">
            {{
              'assessment.import.previewTable' | translate
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'assessment.import.lineCol' | translate }}</th>
              <th scope="col">{{ 'assessment.editor.type' | translate }}</th>
              <th scope="col">{{ 'assessment.editor.name' | translate }}</th>
              <th scope="col">{{ 'assessment.import.answers' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (q of preview().questions; track $index) {
              <tr data-testid="import-preview-row">
                <td>{{ q.line }}</td>
                <td>{{ 'assessment.type.' + q.type | translate }}</td>
                <td>
                  <div class="sb-strong">{{ q.name }}</div>
                  @if (q.category) {
                    <div class="sb-muted">{{ q.category }}</div>
                  }
                  <div class="sb-muted sba-text">{{ q.text }}</div>
                </td>
                <td>
                  @if (rows(q); as answers) {
                    @if (answers.length) {
                      <ul class="sba-answers">
                        @for (a of answers; track $index) {
                          <li [class.sba-right]="a.correct">
                            @if (q.type === 'true-false') {
                              {{ 'assessment.import.tf.' + a.text | translate }}
                            } @else {
                              {{ a.text }}
                            }
                            @if (a.percent !== null) {
                              <span class="sba-pct">({{ a.percent | number: '1.0-5' }}%)</span>
                            }
                          </li>
                        }
                      </ul>
                    } @else {
                      <span class="sb-muted">{{ 'common.none' | translate }}</span>
                    }
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </sb-table-region>
    }
  `,
  styles: `
    .sba-errors {
      padding: 8px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      margin-bottom: 16px;
      h3 {
        font: var(--mat-sys-title-small);
        margin: 4px 0;
      }
      ul {
        margin: 0;
        padding-inline-start: 18px;
      }
    }
    .sba-table {
      width: 100%;
      min-width: 640px;
      border-collapse: collapse;
      th,
      td {
        text-align: start;
        padding: 8px 12px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
        vertical-align: top;
      }
    }
    .sba-text {
      max-width: 48ch;
      overflow-wrap: anywhere;
    }
    .sba-answers {
      margin: 0;
      padding-inline-start: 18px;
    }
    .sba-right {
      font-weight: 600;
    }
    .sba-pct {
      color: var(--mat-sys-on-surface-variant);
      font-weight: 400;
    }
  `,
})
export class ImportPreviewComponent {
  readonly preview = input.required<ImportPreviewResponse>();

  protected readonly sortedErrors = computed(() =>
    [...this.preview().errors].sort((a, b) => a.line - b.line),
  );

  protected rows(q: ImportPreviewQuestion): PreviewAnswerRow[] {
    return previewAnswers(q);
  }
}
