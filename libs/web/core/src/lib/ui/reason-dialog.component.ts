import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { controlErrorMessage } from './form-errors';

export interface ReasonDialogData {
  /** Translation keys. */
  title: string;
  label: string;
  confirm: string;
  /** Already-translated context line (e.g. the entry being reversed). */
  context?: string;
  minLength: number;
  required: boolean;
}

/** Asks for a reason or note (reversing an entry, rejecting a claim); closes with the text. */
@Component({
  selector: 'sb-reason-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (data.context) {
          <p>{{ data.context }}</p>
        }
        <mat-form-field class="wide">
          <mat-label>{{ data.label | translate }}</mat-label>
          <textarea
            matInput
            formControlName="text"
            rows="4"
            maxlength="1000"
            cdkFocusInitial
            [required]="data.required"
          ></textarea>
          <mat-error>{{ error() }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>
          {{ 'common.cancel' | translate }}
        </button>
        <button mat-flat-button type="submit" data-testid="reason-confirm">
          {{ data.confirm | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide {
      width: 100%;
    }
  `,
})
export class ReasonDialogComponent {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReasonDialogComponent, string>>(MatDialogRef);
  private readonly translate = inject(TranslateService);
  protected readonly form = inject(NonNullableFormBuilder).group({
    text: [
      '',
      this.data.required
        ? [
            Validators.required,
            Validators.minLength(this.data.minLength),
            Validators.maxLength(1000),
          ]
        : [Validators.maxLength(1000)],
    ],
  });

  protected error(): string {
    return controlErrorMessage(this.form.controls.text, this.translate);
  }

  protected submit(): void {
    const text = this.form.controls.text.value.trim();
    this.form.controls.text.setValue(text);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.ref.close(text);
  }
}
