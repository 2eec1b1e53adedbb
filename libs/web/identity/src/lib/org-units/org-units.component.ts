import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  type CreateOrgUnitRequest,
  ORG_UNIT_KINDS,
  type OrgUnitKind,
  type OrgUnitResponse,
  type ProblemDetails,
} from '@siantar/contracts';
import {
  OrgUnitsApi,
  ProblemAlertComponent,
  applyProblemToForm,
  controlErrorMessage,
  toProblem,
} from '@siantar/web-core';
import { type OrgUnitNode, flattenOrgUnits } from './org-unit-tree';

@Component({
  selector: 'sb-org-units',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="sb-page-title">{{ 'orgUnits.title' | translate }}</h1>
    <div class="sb-two-columns">
      <section aria-labelledby="sb-org-list-title">
        <h2 id="sb-org-list-title">{{ 'orgUnits.list' | translate }}</h2>
        <sb-problem-alert [problem]="loadProblem()" />
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
        }
        <div
          class="sb-table-scroll"
          tabindex="0"
          role="region"
          [attr.aria-label]="'orgUnits.list' | translate"
        >
          <table mat-table [dataSource]="nodes()" class="sb-table">
            <caption class="sb-visually-hidden">
              {{
                'orgUnits.caption' | translate
              }}
            </caption>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">
                {{ 'orgUnit.name' | translate }}
              </th>
              <td mat-cell *matCellDef="let node">
                <div class="sb-tree-cell" [style.padding-inline-start.px]="asNode(node).depth * 20">
                  <div class="sb-strong">{{ asNode(node).unit.name }}</div>
                  @if (asNode(node).unit.path.length > 1) {
                    <div class="sb-muted sb-path">
                      {{ asNode(node).unit.path.slice(0, -1).join(' › ') }}
                    </div>
                  }
                </div>
              </td>
            </ng-container>
            <ng-container matColumnDef="code">
              <th mat-header-cell *matHeaderCellDef scope="col">
                {{ 'orgUnit.code' | translate }}
              </th>
              <td mat-cell *matCellDef="let node" class="sb-mono">{{ asNode(node).unit.code }}</td>
            </ng-container>
            <ng-container matColumnDef="kind">
              <th mat-header-cell *matHeaderCellDef scope="col">
                {{ 'orgUnit.kind' | translate }}
              </th>
              <td mat-cell *matCellDef="let node">
                {{ 'orgUnitKind.' + asNode(node).unit.kind | translate }}
              </td>
            </ng-container>
            <ng-container matColumnDef="users">
              <th mat-header-cell *matHeaderCellDef scope="col">
                {{ 'orgUnit.userCount' | translate }}
              </th>
              <td mat-cell *matCellDef="let node">{{ asNode(node).unit.userCount }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
            <tr class="mat-mdc-row" *matNoDataRow>
              <td class="mat-mdc-cell sb-empty" [attr.colspan]="columns.length">
                {{ (loading() ? 'common.loading' : 'orgUnits.empty') | translate }}
              </td>
            </tr>
          </table>
        </div>
      </section>

      <mat-card appearance="outlined" class="sb-side-card">
        <mat-card-header>
          <mat-card-title>
            <h2>{{ 'orgUnits.create.title' | translate }}</h2>
          </mat-card-title>
        </mat-card-header>
        <mat-card-content>
          <form [formGroup]="form" (ngSubmit)="create()" novalidate class="sb-form">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'orgUnit.code' | translate }}</mat-label>
              <input matInput formControlName="code" autocapitalize="characters" required />
              <mat-hint>{{ 'orgUnits.create.codeHint' | translate }}</mat-hint>
              <mat-error>{{ errorOf('code') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'orgUnit.name' | translate }}</mat-label>
              <input matInput formControlName="name" required />
              <mat-error>{{ errorOf('name') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'orgUnit.kind' | translate }}</mat-label>
              <mat-select formControlName="kind" required>
                @for (kind of kinds; track kind) {
                  <mat-option [value]="kind">{{ 'orgUnitKind.' + kind | translate }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ errorOf('kind') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'orgUnit.parent' | translate }}</mat-label>
              <mat-select formControlName="parentId">
                <mat-option value="">{{ 'common.none' | translate }}</mat-option>
                @for (node of nodes(); track node.unit.id) {
                  <mat-option [value]="node.unit.id">
                    <span [style.padding-inline-start.px]="node.depth * 12">{{
                      node.unit.name
                    }}</span>
                  </mat-option>
                }
              </mat-select>
              <mat-error>{{ errorOf('parentId') }}</mat-error>
            </mat-form-field>
            <sb-problem-alert [problem]="createProblem()" />
            <button mat-flat-button type="submit" [disabled]="saving()">
              {{ 'orgUnits.create.submit' | translate }}
            </button>
          </form>
        </mat-card-content>
      </mat-card>
    </div>
  `,
})
export class OrgUnitsComponent {
  private readonly api = inject(OrgUnitsApi);
  private readonly translate = inject(TranslateService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly kinds = ORG_UNIT_KINDS;
  protected readonly columns = ['name', 'code', 'kind', 'users'];
  protected readonly units = signal<OrgUnitResponse[]>([]);
  protected readonly nodes = computed(() => flattenOrgUnits(this.units()));
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly createProblem = signal<ProblemDetails | null>(null);

  protected readonly form = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(/^[A-Z0-9][A-Z0-9-]{1,39}$/)]],
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
    kind: this.fb.control<OrgUnitKind>('bidang', Validators.required),
    parentId: [''],
  });

  constructor() {
    this.load();
  }

  protected asNode(node: OrgUnitNode): OrgUnitNode {
    return node;
  }

  protected errorOf(name: 'code' | 'name' | 'kind' | 'parentId'): string {
    const control = this.form.controls[name];
    if (control.hasError('pattern')) {
      return this.translate.instant('validation.pattern.code') as string;
    }
    return controlErrorMessage(control, this.translate);
  }

  protected create(): void {
    this.form.controls.code.setValue(this.form.controls.code.value.trim().toUpperCase());
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: CreateOrgUnitRequest = { code: v.code, name: v.name.trim(), kind: v.kind };
    if (v.parentId) {
      body.parentId = v.parentId;
    }
    this.saving.set(true);
    this.createProblem.set(null);
    this.api.create(body).subscribe({
      next: (unit) => {
        this.saving.set(false);
        this.form.reset();
        this.snackBar.open(
          this.translate.instant('orgUnits.create.done', { name: unit.name }) as string,
          this.translate.instant('common.close') as string,
          { duration: 5000 },
        );
        this.load();
      },
      error: (error: unknown) => {
        const problem = toProblem(error);
        applyProblemToForm(this.form, problem);
        this.createProblem.set(problem);
        this.saving.set(false);
      },
    });
  }

  private load(): void {
    this.loading.set(true);
    this.api.list().subscribe({
      next: (units) => {
        this.units.set(units);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loadProblem.set(toProblem(error));
        this.loading.set(false);
      },
    });
  }
}
