import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { ProblemDetails } from '@siantar/contracts';
import {
  AuthService,
  HOME_PATH,
  ProblemAlertComponent,
  applyProblemToForm,
  controlErrorMessage,
  toProblem,
} from '@siantar/web-core';

@Component({
  selector: 'sb-sign-in',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card class="sb-auth-card" appearance="outlined">
      <mat-card-header>
        <mat-card-title>
          <h1 class="sb-auth-title">{{ 'signIn.title' | translate }}</h1>
        </mat-card-title>
        <mat-card-subtitle>{{ 'signIn.intro' | translate }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="sb-form">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'signIn.login' | translate }}</mat-label>
            <input
              matInput
              formControlName="login"
              autocomplete="username"
              autocapitalize="none"
              spellcheck="false"
              required
            />
            <mat-hint>{{ 'signIn.loginHint' | translate }}</mat-hint>
            <mat-error>{{ errorOf('login') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'signIn.password' | translate }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="password"
              autocomplete="current-password"
              required
            />
            <mat-error>{{ errorOf('password') }}</mat-error>
          </mat-form-field>

          <sb-problem-alert [problem]="problem()" />

          @if (busy()) {
            <mat-progress-bar
              mode="indeterminate"
              [attr.aria-label]="'common.loading' | translate"
            />
          }
          <button mat-flat-button type="submit" [disabled]="busy()">
            {{ 'signIn.submit' | translate }}
          </button>
        </form>
      </mat-card-content>
    </mat-card>
  `,
})
export class SignInComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);

  protected readonly form = inject(NonNullableFormBuilder).group({
    login: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(254)]],
    password: ['', [Validators.required]],
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected errorOf(name: 'login' | 'password'): string {
    return controlErrorMessage(this.form.controls[name], this.translate);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    const { login, password } = this.form.getRawValue();
    this.auth.login({ login: login.trim(), password }).subscribe({
      next: () => {
        this.busy.set(false);
        void this.router.navigateByUrl(HOME_PATH);
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
