import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import type { EvaluationPeriod } from '../api/evaluation.api';

/** Two day inputs (from, to; WIB days, both included); an empty end stays open. */
@Component({
  selector: 'sb-period-filter',
  imports: [MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-filters" role="group" [attr.aria-label]="'evaluation.period.label' | translate">
      <mat-form-field>
        <mat-label>{{ 'evaluation.period.from' | translate }}</mat-label>
        <input
          matInput
          type="date"
          [value]="period().from ?? ''"
          [max]="period().to ?? ''"
          (change)="emit('from', $any($event.target).value)"
          data-testid="period-from"
        />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'evaluation.period.to' | translate }}</mat-label>
        <input
          matInput
          type="date"
          [value]="period().to ?? ''"
          [min]="period().from ?? ''"
          (change)="emit('to', $any($event.target).value)"
          data-testid="period-to"
        />
      </mat-form-field>
    </div>
  `,
})
export class PeriodFilterComponent {
  readonly period = input.required<EvaluationPeriod>();
  readonly periodChange = output<EvaluationPeriod>();

  protected emit(end: 'from' | 'to', value: string): void {
    this.periodChange.emit({ ...this.period(), [end]: value || null });
  }
}
