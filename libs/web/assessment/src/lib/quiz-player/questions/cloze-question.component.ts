import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { type ClozeGapView, clozeSegments } from '../answers';

/**
 * Cloze: the text with a field or a list at each `{{gapId}}`. The text is plain text rendered
 * by interpolation (never as HTML); each gap is numbered and labelled for screen readers.
 */
@Component({
  selector: 'sb-cloze-question',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-cloze" role="group" [attr.aria-labelledby]="labelledBy()">
      @for (s of segments(); track $index) {
        @if (s.kind === 'text') {
          <span>{{ s.text }}</span>
        } @else if (s.gap.type === 'single-choice') {
          <select
            #sel
            class="sb-gap"
            [attr.aria-label]="'quiz.cloze.gap' | translate: { n: s.number }"
            [disabled]="disabled()"
            [attr.data-testid]="'gap-' + s.gap.id"
            (change)="set(s.gap.id, sel.value)"
          >
            <option value="" [selected]="!value(s.gap.id)">
              {{ 'quiz.question.choose' | translate }}
            </option>
            @for (c of s.gap.choices ?? []; track c.id) {
              <option [value]="c.id" [selected]="value(s.gap.id) === c.id">{{ c.text }}</option>
            }
          </select>
        } @else {
          <input
            #box
            class="sb-gap"
            type="text"
            autocomplete="off"
            maxlength="200"
            [class.sb-gap-num]="s.gap.type === 'numerical'"
            [attr.inputmode]="s.gap.type === 'numerical' ? 'decimal' : null"
            [attr.aria-label]="
              (s.gap.type === 'numerical' ? 'quiz.cloze.gapNumber' : 'quiz.cloze.gap')
                | translate: { n: s.number }
            "
            [value]="value(s.gap.id)"
            [disabled]="disabled()"
            [attr.data-testid]="'gap-' + s.gap.id"
            (input)="set(s.gap.id, box.value)"
          />
        }
      }
    </div>
  `,
  styles: `
    .sb-cloze {
      white-space: pre-wrap;
      line-height: 2.4;
      overflow-wrap: anywhere;
    }
    .sb-gap {
      font: inherit;
      min-height: 36px;
      min-width: 8ch;
      max-width: 100%;
      padding: 2px 6px;
      margin: 0 2px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 6px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      vertical-align: middle;
    }
    input.sb-gap {
      width: 14ch;
    }
    input.sb-gap-num {
      width: 9ch;
    }
  `,
})
export class ClozeQuestionComponent {
  readonly text = input.required<string>();
  readonly gaps = input.required<readonly ClozeGapView[]>();
  readonly values = input<Readonly<Record<string, string>>>({});
  readonly disabled = input(false);
  readonly labelledBy = input<string | null>(null);
  readonly valuesChange = output<Record<string, string>>();

  protected readonly segments = computed(() => clozeSegments(this.text(), this.gaps()));

  protected value(gapId: string): string {
    return this.values()[gapId] ?? '';
  }

  protected set(gapId: string, value: string): void {
    this.valuesChange.emit({ ...this.values(), [gapId]: value });
  }
}
