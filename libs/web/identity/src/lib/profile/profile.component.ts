import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  LANGUAGES,
  type Language,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type ProblemDetails,
  type UpdateMeRequest,
} from '@siantar/contracts';
import {
  AuthService,
  MeApi,
  ProblemAlertComponent,
  applyProblemToForm,
  controlErrorMessage,
  toProblem,
} from '@siantar/web-core';
import { passwordsMatch } from '../set-password/set-password.component';

const PHONE_PATTERN = /^\+?[0-9 ()-]{6,20}$/;

@Component({
  selector: 'sb-profile',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="sb-page-title">{{ 'profile.title' | translate }}</h1>
    @if (auth.user(); as user) {
      <div class="sb-card-grid">
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title>
              <h2>{{ 'profile.details' | translate }}</h2>
            </mat-card-title>
          </mat-card-header>
          <mat-card-content>
            <dl class="sb-details">
              <dt>{{ 'user.name' | translate }}</dt>
              <dd>{{ user.name }}</dd>
              <dt>{{ 'user.nip' | translate }}</dt>
              <dd>{{ user.nip }}</dd>
              <dt>{{ 'user.email' | translate }}</dt>
              <dd>{{ user.email }}</dd>
              <dt>{{ 'user.phone' | translate }}</dt>
              <dd>{{ user.phone || ('common.none' | translate) }}</dd>
              <dt>{{ 'user.position' | translate }}</dt>
              <dd>{{ user.position }}</dd>
              <dt>{{ 'user.rank' | translate }}</dt>
              <dd>{{ user.rank || ('common.none' | translate) }}</dd>
              <dt>{{ 'user.employmentType' | translate }}</dt>
              <dd>{{ 'employmentType.' + user.employmentType | translate }}</dd>
              <dt>{{ 'user.orgUnit' | translate }}</dt>
              <dd>{{ user.orgUnit.name }} ({{ user.orgUnit.code }})</dd>
              <dt>{{ 'user.roles' | translate }}</dt>
              <dd>
                @for (role of user.roles; track role; let last = $last) {
                  {{ 'roles.' + role | translate }}{{ last ? '' : ', ' }}
                }
              </dd>
              <dt>{{ 'user.supervisor' | translate }}</dt>
              <dd>
                @if (user.supervisor; as s) {
                  {{ s.name }} ({{ s.nip }})
                } @else {
                  {{ 'common.none' | translate }}
                }
              </dd>
              @if (user.adminScope; as scope) {
                <dt>{{ 'user.adminScope' | translate }}</dt>
                <dd>{{ scope.name }} ({{ scope.code }})</dd>
              }
              <dt>{{ 'user.language' | translate }}</dt>
              <dd>{{ 'language.name.' + user.language | translate }}</dd>
              <dt>{{ 'user.status' | translate }}</dt>
              <dd>{{ (user.active ? 'user.active' : 'user.inactive') | translate }}</dd>
              <dt>{{ 'user.createdAt' | translate }}</dt>
              <dd>{{ user.createdAt | date: 'longDate' }}</dd>
            </dl>
          </mat-card-content>
        </mat-card>

        <div class="sb-stack">
          <mat-card appearance="outlined">
            <mat-card-header>
              <mat-card-title>
                <h2>{{ 'profile.edit' | translate }}</h2>
              </mat-card-title>
            </mat-card-header>
            <mat-card-content>
              <form [formGroup]="meForm" (ngSubmit)="saveMe()" novalidate class="sb-form">
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'user.phone' | translate }}</mat-label>
                  <input matInput type="tel" formControlName="phone" autocomplete="tel" />
                  <mat-error>{{ meError('phone') }}</mat-error>
                </mat-form-field>
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'user.language' | translate }}</mat-label>
                  <mat-select formControlName="language">
                    @for (lang of languages; track lang) {
                      <mat-option [value]="lang">{{
                        'language.name.' + lang | translate
                      }}</mat-option>
                    }
                  </mat-select>
                  <mat-error>{{ meError('language') }}</mat-error>
                </mat-form-field>
                <sb-problem-alert [problem]="meProblem()" />
                <button mat-flat-button type="submit" [disabled]="savingMe()">
                  {{ 'common.save' | translate }}
                </button>
              </form>
            </mat-card-content>
          </mat-card>

          <mat-card appearance="outlined">
            <mat-card-header>
              <mat-card-title>
                <h2>{{ 'profile.changePassword' | translate }}</h2>
              </mat-card-title>
            </mat-card-header>
            <mat-card-content>
              <form
                [formGroup]="passwordForm"
                (ngSubmit)="changePassword()"
                novalidate
                class="sb-form"
              >
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'profile.currentPassword' | translate }}</mat-label>
                  <input
                    matInput
                    type="password"
                    formControlName="currentPassword"
                    autocomplete="current-password"
                    required
                  />
                  <mat-error>{{ passwordError('currentPassword') }}</mat-error>
                </mat-form-field>
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'profile.newPassword' | translate }}</mat-label>
                  <input
                    matInput
                    type="password"
                    formControlName="newPassword"
                    autocomplete="new-password"
                    required
                  />
                  <mat-hint>{{ 'validation.minLength' | translate: { min: minLength } }}</mat-hint>
                  <mat-error>{{ passwordError('newPassword') }}</mat-error>
                </mat-form-field>
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'profile.confirmPassword' | translate }}</mat-label>
                  <input
                    matInput
                    type="password"
                    formControlName="confirm"
                    autocomplete="new-password"
                    required
                  />
                  <mat-error>{{ passwordError('confirm') }}</mat-error>
                </mat-form-field>
                <sb-problem-alert [problem]="passwordProblem()" />
                <button mat-flat-button type="submit" [disabled]="savingPassword()">
                  {{ 'profile.changePasswordSubmit' | translate }}
                </button>
              </form>
            </mat-card-content>
          </mat-card>

          <!-- Strings of the notification area (i18n/notify), which owns the settings page. -->
          <mat-card appearance="outlined" data-testid="profile-notifications">
            <mat-card-header>
              <mat-card-title>
                <h2>{{ 'notify.profileCard.title' | translate }}</h2>
              </mat-card-title>
            </mat-card-header>
            <mat-card-content>
              <p>{{ 'notify.profileCard.body' | translate }}</p>
            </mat-card-content>
            <mat-card-actions>
              <a mat-stroked-button routerLink="/profil/notifikasi">{{
                'notify.profileCard.action' | translate
              }}</a>
            </mat-card-actions>
          </mat-card>
        </div>
      </div>
    }
  `,
})
export class ProfileComponent {
  protected readonly auth = inject(AuthService);
  private readonly meApi = inject(MeApi);
  private readonly translate = inject(TranslateService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly languages = LANGUAGES;
  protected readonly minLength = PASSWORD_MIN_LENGTH;

  protected readonly meForm = this.fb.group({
    phone: ['', [Validators.pattern(PHONE_PATTERN)]],
    language: this.fb.control<Language>('id', Validators.required),
  });
  protected readonly passwordForm = this.fb.group(
    {
      currentPassword: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH)]],
      newPassword: [
        '',
        [
          Validators.required,
          Validators.minLength(PASSWORD_MIN_LENGTH),
          Validators.maxLength(PASSWORD_MAX_LENGTH),
        ],
      ],
      confirm: ['', Validators.required],
    },
    { validators: passwordsMatch('newPassword', 'confirm') },
  );

  protected readonly savingMe = signal(false);
  protected readonly savingPassword = signal(false);
  protected readonly meProblem = signal<ProblemDetails | null>(null);
  protected readonly passwordProblem = signal<ProblemDetails | null>(null);

  constructor() {
    // Keep the form in step with the signed-in user (e.g. language switched in the toolbar).
    effect(() => {
      const user = this.auth.user();
      if (user && !this.meForm.dirty) {
        this.meForm.setValue({ phone: user.phone ?? '', language: user.language });
      }
    });
  }

  protected meError(name: 'phone' | 'language'): string {
    const control = this.meForm.controls[name];
    if (control.hasError('pattern')) {
      return this.translate.instant('validation.phone') as string;
    }
    return controlErrorMessage(control, this.translate);
  }

  protected passwordError(name: 'currentPassword' | 'newPassword' | 'confirm'): string {
    return controlErrorMessage(this.passwordForm.controls[name], this.translate);
  }

  protected saveMe(): void {
    if (this.meForm.invalid) {
      this.meForm.markAllAsTouched();
      return;
    }
    const { phone, language } = this.meForm.getRawValue();
    const body: UpdateMeRequest = { language };
    if (phone.trim()) {
      body.phone = phone.trim();
    }
    this.savingMe.set(true);
    this.meProblem.set(null);
    this.meApi.update(body).subscribe({
      next: (user) => {
        this.savingMe.set(false);
        this.meForm.markAsPristine();
        this.auth.setUser(user);
        this.notify('profile.saved');
      },
      error: (error: unknown) => {
        const problem = toProblem(error);
        applyProblemToForm(this.meForm, problem);
        this.meProblem.set(problem);
        this.savingMe.set(false);
      },
    });
  }

  protected changePassword(): void {
    if (this.passwordForm.invalid) {
      this.passwordForm.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.passwordForm.getRawValue();
    this.savingPassword.set(true);
    this.passwordProblem.set(null);
    this.auth.changePassword({ currentPassword, newPassword }).subscribe({
      next: () => {
        this.savingPassword.set(false);
        this.passwordForm.reset();
        this.notify('profile.passwordChanged');
      },
      error: (error: unknown) => {
        const problem = toProblem(error);
        applyProblemToForm(this.passwordForm, problem);
        this.passwordProblem.set(problem);
        this.savingPassword.set(false);
      },
    });
  }

  private notify(key: string): void {
    this.snackBar.open(
      this.translate.instant(key) as string,
      this.translate.instant('common.close') as string,
      { duration: 5000, politeness: 'polite' },
    );
  }
}
