import type { AbstractControl, FormGroup } from '@angular/forms';
import type { TranslateService } from '@ngx-translate/core';
import type { ProblemDetails } from '@siantar/contracts';

/** Error key set on a control from the API's field-level `errors[]`. */
export const SERVER_ERROR = 'server';

/**
 * Puts the `errors[]` of a validation problem on the matching form controls (the first
 * segment of `path` is the control name) so they show next to the field.
 * Returns the messages that matched no control.
 */
export function applyProblemToForm(form: FormGroup, problem: ProblemDetails): string[] {
  const unmatched: string[] = [];
  for (const error of problem.errors ?? []) {
    const name = error.path.split('.')[0] ?? '';
    const control = name ? form.get(name) : null;
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), [SERVER_ERROR]: error.message });
      control.markAsTouched();
    } else {
      unmatched.push(`${error.path}: ${error.message}`);
    }
  }
  return unmatched;
}

/** The message to show in a `<mat-error>` for a control, translated except server messages. */
export function controlErrorMessage(control: AbstractControl, translate: TranslateService): string {
  const errors = control.errors;
  if (!errors) {
    return '';
  }
  if (typeof errors[SERVER_ERROR] === 'string') {
    return errors[SERVER_ERROR];
  }
  if (errors['required']) {
    return translate.instant('validation.required') as string;
  }
  if (errors['minlength']) {
    const { requiredLength } = errors['minlength'] as { requiredLength: number };
    return translate.instant('validation.minLength', { min: requiredLength }) as string;
  }
  if (errors['maxlength']) {
    const { requiredLength } = errors['maxlength'] as { requiredLength: number };
    return translate.instant('validation.maxLength', { max: requiredLength }) as string;
  }
  if (errors['email']) {
    return translate.instant('validation.email') as string;
  }
  if (errors['mismatch']) {
    return translate.instant('validation.passwordMismatch') as string;
  }
  const first = Object.keys(errors)[0] ?? 'invalid';
  return translate.instant(`validation.${first}`) as string;
}
