import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, controlErrorMessage, toProblem } from '@siantar/web-core';
import type { Observable } from 'rxjs';

export interface TextPromptDialogData {
  /** Translation keys. */
  title: string;
  label: string;
  submit: string;
  hint?: string;
  /** Extra text above the field (already translated or a key). */
  message?: string;
  initial?: string;
  multiline?: boolean;
  minLength?: number;
  maxLength?: number;
  /** Set when the field may be left empty. */
  optional?: boolean;
  /** The action; the dialog stays open and shows the problem when it fails. */
  action: (value: string) => Observable<unknown>;
}

/** One text field and an action: module title, changelog, send-back note, approval note. */
@Component({
  selector: 'sb-text-prompt-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="sb-form">
        @if (data.message) {
          <p>{{ data.message | translate }}</p>
        }
        <mat-form-field>
          <mat-label>{{ data.label | translate }}</mat-label>
          @if (data.multiline) {
            <textarea
              matInput
              formControlName="value"
              rows="5"
              [required]="!data.optional"
              cdkFocusInitial
            ></textarea>
          } @else {
            <input matInput formControlName="value" [required]="!data.optional" cdkFocusInitial />
          }
          @if (data.hint) {
            <mat-hint>{{ data.hint | translate }}</mat-hint>
          }
          <mat-error>{{ error() }}</mat-error>
        </mat-form-field>
        <sb-problem-alert [problem]="problem()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ data.submit | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class TextPromptDialogComponent {
  protected readonly data = inject<TextPromptDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<TextPromptDialogComponent, unknown>);
  private readonly translate = inject(TranslateService);

  protected readonly form = inject(NonNullableFormBuilder).group({
    value: [
      this.data.initial ?? '',
      [
        ...(this.data.optional ? [] : [Validators.required]),
        Validators.minLength(this.data.optional ? 0 : (this.data.minLength ?? 1)),
        Validators.maxLength(this.data.maxLength ?? 2000),
      ],
    ],
  });
  private readonly control = this.form.controls.value;
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly error = signal('');

  protected submit(): void {
    const value = this.control.value.trim();
    if (!this.data.optional && !value) {
      this.control.setValue('');
    }
    if (this.control.invalid) {
      this.control.markAsTouched();
      this.error.set(controlErrorMessage(this.control, this.translate));
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.data.action(value).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.ref.close(result ?? true);
      },
      error: (error: unknown) => {
        const problem = toProblem(error);
        const field = problem.errors?.[0];
        if (field) {
          this.control.setErrors({ server: field.message });
          this.error.set(field.message);
        }
        this.problem.set(problem);
        this.busy.set(false);
      },
    });
  }
}
