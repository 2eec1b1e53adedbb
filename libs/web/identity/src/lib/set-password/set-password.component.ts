import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type ProblemDetails } from '@siantar/contracts';
import {
  AuthService,
  ProblemAlertComponent,
  applyProblemToForm,
  controlErrorMessage,
  toProblem,
} from '@siantar/web-core';
import { map } from 'rxjs';

/** Form-level validator: `confirm` must equal `password` (error set on `confirm`). */
export function passwordsMatch(passwordKey: string, confirmKey: string) {
  return (group: AbstractControl): ValidationErrors | null => {
    const password = group.get(passwordKey);
    const confirm = group.get(confirmKey);
    if (!password || !confirm) {
      return null;
    }
    const mismatch = confirm.value !== '' && password.value !== confirm.value;
    const others = { ...(confirm.errors ?? {}) };
    delete others['mismatch'];
    confirm.setErrors(
      mismatch ? { ...others, mismatch: true } : Object.keys(others).length ? others : null,
    );
    return null;
  };
}

@Component({
  selector: 'sb-set-password',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card class="sb-auth-card" appearance="outlined">
      <mat-card-header>
        <mat-card-title>
          <h1 class="sb-auth-title">{{ 'setPassword.title' | translate }}</h1>
        </mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @if (done()) {
          <p role="status">{{ 'setPassword.done' | translate }}</p>
          <a mat-flat-button routerLink="/masuk">{{ 'setPassword.toSignIn' | translate }}</a>
        } @else if (!token()) {
          <p role="alert" class="sb-error-text">{{ 'setPassword.noToken' | translate }}</p>
          <a mat-button routerLink="/masuk">{{ 'setPassword.toSignIn' | translate }}</a>
        } @else {
          <p>{{ 'setPassword.intro' | translate: { min: minLength } }}</p>
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="sb-form">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'setPassword.password' | translate }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="password"
                autocomplete="new-password"
                required
              />
              <mat-hint>{{ 'validation.minLength' | translate: { min: minLength } }}</mat-hint>
              <mat-error>{{ errorOf('password') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'setPassword.confirm' | translate }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="confirm"
                autocomplete="new-password"
                required
              />
              <mat-error>{{ errorOf('confirm') }}</mat-error>
            </mat-form-field>
            <sb-problem-alert [problem]="problem()" />
            <button mat-flat-button type="submit" [disabled]="busy()">
              {{ 'setPassword.submit' | translate }}
            </button>
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
})
export class SetPasswordComponent {
  private readonly auth = inject(AuthService);
  private readonly translate = inject(TranslateService);
  private readonly queryToken = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(map((params) => params.get('token') ?? '')),
    { initialValue: '' },
  );

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly token = computed(() => this.queryToken().trim());
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: [
        '',
        [
          Validators.required,
          Validators.minLength(PASSWORD_MIN_LENGTH),
          Validators.maxLength(PASSWORD_MAX_LENGTH),
        ],
      ],
      confirm: ['', [Validators.required]],
    },
    { validators: passwordsMatch('password', 'confirm') },
  );

  protected errorOf(name: 'password' | 'confirm'): string {
    return controlErrorMessage(this.form.controls[name], this.translate);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.auth
      .setPassword({ token: this.token(), password: this.form.controls.password.value })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.done.set(true);
        },
        error: (error: unknown) => {
          const problem = toProblem(error);
          applyProblemToForm(this.form, problem);
          this.problem.set(problem);
          this.busy.set(false);
        },
      });
  }
}
