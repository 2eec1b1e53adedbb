import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, type MatDialogRef } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import type { ProblemDetails } from '@siantar/contracts';
import { ProblemAlertComponent, sendRequest } from '@siantar/web-core';
import type { Observable } from 'rxjs';

/** The one request of a small form dialog: busy while it runs, closes the dialog with its answer. */
export class DialogRequest<R> {
  readonly busy = signal(false);
  readonly problem = signal<ProblemDetails | null>(null);

  constructor(private readonly ref: MatDialogRef<unknown, R>) {}

  send(request: Observable<R>): void {
    sendRequest(request, this, (result) => this.ref.close(result));
  }
}

/**
 * Content and actions of a small form dialog: the projected fields, the "invalid" line, the
 * request's problem, Cancel and the submit button. It goes inside the dialog's own `<form>`
 * (kept there so that the fields register with its NgForm, which marks them on submit).
 */
@Component({
  selector: 'sb-form-dialog-body',
  imports: [MatButtonModule, MatDialogModule, TranslatePipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-dialog-content class="sb-form">
      <ng-content />
      @if (invalidKey(); as key) {
        <p class="sb-error-text" role="alert">{{ key | translate: invalidParams() }}</p>
      }
      <sb-problem-alert [problem]="request().problem()" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
      <button
        mat-flat-button
        type="submit"
        [disabled]="request().busy()"
        [attr.data-testid]="submitTestId()"
      >
        {{ submitKey() | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class FormDialogBodyComponent {
  readonly request = input.required<DialogRequest<unknown>>();
  readonly submitKey = input.required<string>();
  readonly submitTestId = input<string | null>(null);
  /** Shown while the form is invalid (the dialog checks it on submit). */
  readonly invalidKey = input<string | null>(null);
  readonly invalidParams = input<Record<string, unknown> | undefined>(undefined);
}
