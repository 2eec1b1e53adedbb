import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * Matching: one native select per prompt (labelled by the prompt), which works with the
 * keyboard, screen readers and the phone's own picker.
 */
@Component({
  selector: 'sb-matching-question',
  imports: [MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-pairs" role="group" [attr.aria-labelledby]="labelledBy()">
      @for (p of prompts(); track p.id; let i = $index) {
        <div class="sb-pair">
          <span class="sb-prompt" [id]="idBase() + '-p' + i">{{ p.prompt }}</span>
          <mat-form-field class="sb-select" subscriptSizing="dynamic">
            <select
              #sel
              matNativeControl
              [attr.aria-labelledby]="idBase() + '-p' + i"
              [disabled]="disabled()"
              [attr.data-testid]="'match-' + p.id"
              (change)="choose(p.id, sel.value)"
            >
              <option value="" [selected]="!matches()[p.id]">
                {{ 'quiz.question.choose' | translate }}
              </option>
              @for (o of options(); track $index) {
                <option [value]="o" [selected]="matches()[p.id] === o">{{ o }}</option>
              }
            </select>
          </mat-form-field>
        </div>
      }
    </div>
  `,
  styles: `
    .sb-pairs {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .sb-pair {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(12rem, 1fr);
      align-items: center;
      gap: 8px 16px;
    }
    .sb-prompt {
      overflow-wrap: anywhere;
    }
    @media (max-width: 599px) {
      .sb-pair {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class MatchingQuestionComponent {
  readonly prompts = input.required<readonly { id: string; prompt: string }[]>();
  readonly options = input.required<readonly string[]>();
  readonly matches = input<Readonly<Record<string, string>>>({});
  readonly disabled = input(false);
  readonly labelledBy = input<string | null>(null);
  /** Unique per question, for the prompt ids. */
  readonly idBase = input.required<string>();
  readonly matchesChange = output<Record<string, string>>();

  protected choose(promptId: string, value: string): void {
    const next: Record<string, string> = { ...this.matches() };
    if (value) {
      next[promptId] = value;
    } else {
      delete next[promptId];
    }
    this.matchesChange.emit(next);
  }
}
