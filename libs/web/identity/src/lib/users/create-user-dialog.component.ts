import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  type CreateUserRequest,
  EMPLOYMENT_TYPES,
  type EmploymentType,
  LANGUAGES,
  type Language,
  PNS_RANKS,
  PPPK_GRADES,
  type ProblemDetails,
  ROLES,
  type Role,
  type UserResponse,
} from '@siantar/contracts';
import {
  ProblemAlertComponent,
  UsersApi,
  applyProblemToForm,
  controlErrorMessage,
  toProblem,
} from '@siantar/web-core';
import type { OrgUnitNode } from '../org-units/org-unit-tree';

export interface CreateUserDialogData {
  orgUnits: OrgUnitNode[];
}

type Field =
  | 'nip'
  | 'name'
  | 'email'
  | 'phone'
  | 'position'
  | 'employmentType'
  | 'rank'
  | 'orgUnitId'
  | 'roles'
  | 'adminScopeId'
  | 'language';

@Component({
  selector: 'sb-create-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'users.create.title' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="sb-form sb-form-grid">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'user.nip' | translate }}</mat-label>
          <input matInput formControlName="nip" inputmode="numeric" maxlength="18" required />
          <mat-hint>{{ 'users.create.nipHint' | translate }}</mat-hint>
          <mat-error>{{ errorOf('nip') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'user.name' | translate }}</mat-label>
          <input matInput formControlName="name" required />
          <mat-error>{{ errorOf('name') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'user.email' | translate }}</mat-label>
          <input matInput type="email" formControlName="email" required />
          <mat-error>{{ errorOf('email') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'user.phone' | translate }}</mat-label>
          <input matInput type="tel" formControlName="phone" />
          <mat-error>{{ errorOf('phone') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'user.position' | translate }}</mat-label>
          <input matInput formControlName="position" required />
          <mat-error>{{ errorOf('position') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'user.employmentType' | translate }}</mat-label>
          <mat-select formControlName="employmentType" required>
            @for (type of employmentTypes; track type) {
              <mat-option [value]="type">{{ 'employmentType.' + type | translate }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorOf('employmentType') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'user.rank' | translate }}</mat-label>
          <mat-select formControlName="rank">
            <mat-option value="">{{ 'common.none' | translate }}</mat-option>
            @for (rank of ranks(); track rank) {
              <mat-option [value]="rank">{{ rank }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorOf('rank') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'user.orgUnit' | translate }}</mat-label>
          <mat-select formControlName="orgUnitId" required>
            @for (node of data.orgUnits; track node.unit.id) {
              <mat-option [value]="node.unit.id">
                <span [style.padding-inline-start.px]="node.depth * 12">{{ node.unit.name }}</span>
              </mat-option>
            }
          </mat-select>
          <mat-error>{{ errorOf('orgUnitId') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'user.roles' | translate }}</mat-label>
          <mat-select formControlName="roles" multiple required>
            @for (role of roles; track role) {
              <mat-option [value]="role">{{ 'roles.' + role | translate }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorOf('roles') }}</mat-error>
        </mat-form-field>
        @if (isAdmin()) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'user.adminScope' | translate }}</mat-label>
            <mat-select formControlName="adminScopeId">
              <mat-option value="">{{ 'common.none' | translate }}</mat-option>
              @for (node of data.orgUnits; track node.unit.id) {
                <mat-option [value]="node.unit.id">
                  <span [style.padding-inline-start.px]="node.depth * 12">{{
                    node.unit.name
                  }}</span>
                </mat-option>
              }
            </mat-select>
            <mat-error>{{ errorOf('adminScopeId') }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ 'user.language' | translate }}</mat-label>
          <mat-select formControlName="language">
            @for (lang of languages; track lang) {
              <mat-option [value]="lang">{{ 'language.name.' + lang | translate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <div class="sb-form-wide">
          <sb-problem-alert [problem]="problem()" />
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ 'users.create.submit' | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class CreateUserDialogComponent {
  protected readonly data = inject<CreateUserDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject(MatDialogRef<CreateUserDialogComponent, UserResponse>);
  private readonly usersApi = inject(UsersApi);
  private readonly translate = inject(TranslateService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly employmentTypes = EMPLOYMENT_TYPES;
  protected readonly roles = ROLES;
  protected readonly languages = LANGUAGES;

  protected readonly form = this.fb.group({
    nip: ['', [Validators.required, Validators.pattern(/^\d{18}$/)]],
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(150)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    phone: ['', [Validators.pattern(/^\+?[0-9 ()-]{6,20}$/)]],
    position: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(150)]],
    employmentType: this.fb.control<EmploymentType>('PNS', Validators.required),
    rank: [''],
    orgUnitId: ['', Validators.required],
    roles: this.fb.control<Role[]>(['learner'], Validators.required),
    adminScopeId: [''],
    language: this.fb.control<Language>('id'),
  });

  private readonly employmentType = toSignal(this.form.controls.employmentType.valueChanges, {
    initialValue: this.form.controls.employmentType.value,
  });
  private readonly selectedRoles = toSignal(this.form.controls.roles.valueChanges, {
    initialValue: this.form.controls.roles.value,
  });
  protected readonly ranks = computed<readonly string[]>(() =>
    this.employmentType() === 'PPPK' ? PPPK_GRADES : PNS_RANKS,
  );
  protected readonly isAdmin = computed(() => this.selectedRoles().includes('admin'));
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    this.form.controls.employmentType.valueChanges.subscribe(() =>
      this.form.controls.rank.setValue(''),
    );
  }

  protected errorOf(name: Field): string {
    const control = this.form.controls[name];
    if (control.hasError('pattern')) {
      return this.translate.instant(`validation.pattern.${name}`) as string;
    }
    return controlErrorMessage(control, this.translate);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: CreateUserRequest = {
      nip: v.nip.trim(),
      name: v.name.trim(),
      email: v.email.trim(),
      position: v.position.trim(),
      employmentType: v.employmentType,
      orgUnitId: v.orgUnitId,
      roles: v.roles,
      language: v.language,
    };
    if (v.phone.trim()) {
      body.phone = v.phone.trim();
    }
    if (v.rank) {
      body.rank = v.rank;
    }
    if (v.adminScopeId && v.roles.includes('admin')) {
      body.adminScopeId = v.adminScopeId;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.usersApi.create(body).subscribe({
      next: (user) => {
        this.busy.set(false);
        this.dialogRef.close(user);
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
