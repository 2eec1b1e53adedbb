import { TextFieldModule } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { wordCount } from '../answers';

/** Essay: a growing text area, the word count against the minimum, and the rubric it is marked by. */
@Component({
  selector: 'sb-essay-question',
  imports: [TextFieldModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="sb-field">
      <mat-label>{{ 'quiz.essay.label' | translate }}</mat-label>
      <textarea
        #box
        matInput
        cdkTextareaAutosize
        cdkAutosizeMinRows="6"
        cdkAutosizeMaxRows="24"
        maxlength="50000"
        data-testid="essay-answer"
        [value]="text()"
        [disabled]="disabled()"
        (input)="textChange.emit(box.value)"
      ></textarea>
      <mat-hint [class.sb-short]="tooShort()" data-testid="word-count">
        @if (minWords(); as min) {
          {{ 'quiz.essay.wordsOfMin' | translate: { n: words(), min: min } }}
        } @else {
          {{ 'quiz.essay.words' | translate: { n: words() } }}
        }
      </mat-hint>
    </mat-form-field>
    @if (rubric().length) {
      <div class="sb-rubric">
        <p class="sb-rubric-title">{{ 'quiz.essay.rubric' | translate }}</p>
        <ul>
          @for (r of rubric(); track $index) {
            <li>{{ 'quiz.essay.criterion' | translate: { name: r.name, points: r.maxPoints } }}</li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    .sb-field {
      width: 100%;
    }
    .sb-short {
      color: var(--mat-sys-error);
    }
    .sb-rubric {
      margin-top: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .sb-rubric-title {
      font: var(--mat-sys-title-small);
      margin: 0 0 4px;
    }
  `,
})
export class EssayQuestionComponent {
  readonly text = input('');
  readonly minWords = input<number | undefined>(undefined);
  readonly rubric = input<readonly { name: string; maxPoints: number }[]>([]);
  readonly disabled = input(false);
  readonly textChange = output<string>();

  protected readonly words = computed(() => wordCount(this.text()));
  protected readonly tooShort = computed(() => {
    const min = this.minWords();
    return !!min && this.words() < min;
  });
}
