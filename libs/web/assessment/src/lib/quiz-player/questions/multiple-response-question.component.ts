import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';

/** Any number of answers: a labelled group of checkboxes. */
@Component({
  selector: 'sb-multiple-response-question',
  imports: [MatCheckboxModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-choices" role="group" [attr.aria-labelledby]="labelledBy()">
      @for (c of choices(); track c.id) {
        <mat-checkbox
          class="sb-choice"
          [checked]="chosen().has(c.id)"
          [disabled]="disabled()"
          [attr.data-testid]="'choice-' + c.id"
          (change)="toggle(c.id, $event.checked)"
        >
          {{ c.text }}
        </mat-checkbox>
      }
    </div>
  `,
  styles: `
    .sb-choices {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .sb-choice {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding-inline-end: 12px;
      overflow-wrap: anywhere;
    }
  `,
})
export class MultipleResponseQuestionComponent {
  readonly choices = input.required<readonly { id: string; text: string }[]>();
  readonly selected = input<readonly string[]>([]);
  readonly disabled = input(false);
  readonly labelledBy = input<string | null>(null);
  readonly selectedChange = output<string[]>();

  protected readonly chosen = computed(() => new Set(this.selected()));

  protected toggle(id: string, checked: boolean): void {
    const next = new Set(this.chosen());
    if (checked) {
      next.add(id);
    } else {
      next.delete(id);
    }
    // Keep the order the choices are shown in.
    this.selectedChange.emit(
      this.choices()
        .filter((c) => next.has(c.id))
        .map((c) => c.id),
    );
  }
}
