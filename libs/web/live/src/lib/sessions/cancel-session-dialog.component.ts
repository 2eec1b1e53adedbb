import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { controlErrorMessage } from '@siantar/web-core';

export interface CancelSessionDialogData {
  title: string;
}

/** Asks why a session is cancelled (participants see the reason); closes with it. */
@Component({
  selector: 'sb-cancel-session-dialog',
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
    <h2 mat-dialog-title>{{ 'live.cancel.title' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>{{ 'live.cancel.intro' | translate: { title: data.title } }}</p>
        <mat-form-field class="wide">
          <mat-label>{{ 'live.cancel.reason' | translate }}</mat-label>
          <textarea
            matInput
            formControlName="reason"
            rows="3"
            maxlength="1000"
            required
            cdkFocusInitial
            data-testid="cancel-reason"
          ></textarea>
          <mat-error>{{ error() }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.close' | translate }}</button>
        <button mat-flat-button type="submit" data-testid="cancel-confirm">
          {{ 'live.cancel.confirm' | translate }}
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
export class CancelSessionDialogComponent {
  protected readonly data = inject<CancelSessionDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CancelSessionDialogComponent, string>>(MatDialogRef);
  private readonly translate = inject(TranslateService);
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(1000)]],
  });

  protected error(): string {
    return controlErrorMessage(this.form.controls.reason, this.translate);
  }

  protected submit(): void {
    this.form.controls.reason.setValue(this.form.controls.reason.value.trim());
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.ref.close(this.form.controls.reason.value);
  }
}
