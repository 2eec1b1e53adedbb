import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  type Page,
  type ProblemDetails,
  ROLES,
  type Role,
  type UserResponse,
} from '@siantar/contracts';
import {
  OrgUnitsApi,
  ProblemAlertComponent,
  type UserListFilter,
  UsersApi,
  toProblem,
  TranslatedPaginatorIntl,
} from '@siantar/web-core';
import { catchError, debounceTime, of, switchMap, tap } from 'rxjs';
import { flattenOrgUnits } from '../org-units/org-unit-tree';
import {
  CreateUserDialogComponent,
  type CreateUserDialogData,
} from './create-user-dialog.component';

type ActiveFilter = 'all' | 'true' | 'false';

@Component({
  selector: 'sb-users-admin',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb-page-header">
      <h1 class="sb-page-title">{{ 'users.title' | translate }}</h1>
      <div class="sb-actions">
        <a mat-stroked-button routerLink="impor">
          <mat-icon svgIcon="upload" aria-hidden="true" />
          {{ 'users.importLink' | translate }}
        </a>
        <button mat-flat-button type="button" (click)="openCreate()">
          <mat-icon svgIcon="add" aria-hidden="true" />
          {{ 'users.createButton' | translate }}
        </button>
      </div>
    </div>

    <div class="sb-filters" role="search" [attr.aria-label]="'users.filter.label' | translate">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'users.filter.q' | translate }}</mat-label>
        <input matInput type="search" [value]="q()" (input)="onSearch($event)" />
        <mat-hint>{{ 'users.filter.qHint' | translate }}</mat-hint>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'users.filter.orgUnit' | translate }}</mat-label>
        <mat-select [value]="orgUnitId()" (selectionChange)="setOrgUnit($event.value)">
          <mat-option value="">{{ 'common.all' | translate }}</mat-option>
          @for (node of orgUnits(); track node.unit.id) {
            <mat-option [value]="node.unit.id">
              <span [style.padding-inline-start.px]="node.depth * 12">{{ node.unit.name }}</span>
            </mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'users.filter.role' | translate }}</mat-label>
        <mat-select [value]="role()" (selectionChange)="setRole($event.value)">
          <mat-option value="">{{ 'common.all' | translate }}</mat-option>
          @for (r of roles; track r) {
            <mat-option [value]="r">{{ 'roles.' + r | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'users.filter.active' | translate }}</mat-label>
        <mat-select [value]="active()" (selectionChange)="setActive($event.value)">
          <mat-option value="all">{{ 'common.all' | translate }}</mat-option>
          <mat-option value="true">{{ 'user.active' | translate }}</mat-option>
          <mat-option value="false">{{ 'user.inactive' | translate }}</mat-option>
        </mat-select>
      </mat-form-field>
    </div>

    <sb-problem-alert [problem]="problem()" />
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }

    <div
      class="sb-table-scroll"
      tabindex="0"
      role="region"
      [attr.aria-label]="'users.tableLabel' | translate"
    >
      <table mat-table [dataSource]="items()" class="sb-table">
        <caption class="sb-visually-hidden">
          {{
            'users.caption' | translate: { total: total() }
          }}
        </caption>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'user.name' | translate }}</th>
          <td mat-cell *matCellDef="let u">
            <div class="sb-strong">{{ u.name }}</div>
            <div class="sb-muted">{{ u.email }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="nip">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'user.nip' | translate }}</th>
          <td mat-cell *matCellDef="let u" class="sb-mono">{{ u.nip }}</td>
        </ng-container>
        <ng-container matColumnDef="orgUnit">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'user.orgUnit' | translate }}</th>
          <td mat-cell *matCellDef="let u">{{ u.orgUnit.name }}</td>
        </ng-container>
        <ng-container matColumnDef="roles">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'user.roles' | translate }}</th>
          <td mat-cell *matCellDef="let u">
            @for (r of asUser(u).roles; track r; let last = $last) {
              {{ 'roles.' + r | translate }}{{ last ? '' : ', ' }}
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'user.status' | translate }}</th>
          <td mat-cell *matCellDef="let u">
            <span class="sb-chip" [class.sb-chip-off]="!u.active">
              {{ (u.active ? 'user.active' : 'user.inactive') | translate }}
            </span>
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'common.actions' | translate }}</th>
          <td mat-cell *matCellDef="let u">
            <button
              mat-button
              type="button"
              [disabled]="pendingId() === u.id"
              [attr.aria-label]="
                (u.active ? 'users.deactivateUser' : 'users.activateUser')
                  | translate: { name: u.name }
              "
              (click)="toggleActive(u)"
            >
              {{ (u.active ? 'users.deactivate' : 'users.activate') | translate }}
            </button>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell sb-empty" [attr.colspan]="columns.length">
            {{ (loading() ? 'common.loading' : 'users.empty') | translate }}
          </td>
        </tr>
      </table>
    </div>
    <mat-paginator
      [length]="total()"
      [pageIndex]="pageIndex()"
      [pageSize]="pageSize()"
      [pageSizeOptions]="[10, 20, 50, 100]"
      (page)="onPage($event)"
      showFirstLastButtons
    />
  `,
})
export class UsersAdminComponent {
  private readonly usersApi = inject(UsersApi);
  private readonly orgUnitsApi = inject(OrgUnitsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  protected readonly roles = ROLES;
  protected readonly columns = ['name', 'nip', 'orgUnit', 'roles', 'status', 'actions'];

  protected readonly q = signal('');
  protected readonly orgUnitId = signal('');
  protected readonly role = signal<Role | ''>('');
  protected readonly active = signal<ActiveFilter>('all');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(20);
  private readonly reload = signal(0);

  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly page = signal<Page<UserResponse> | null>(null);
  protected readonly items = computed(() => this.page()?.items ?? []);
  protected readonly total = computed(() => this.page()?.total ?? 0);
  protected readonly orgUnits = signal<ReturnType<typeof flattenOrgUnits>>([]);
  protected readonly pendingId = signal<string | null>(null);

  private readonly filter = computed<UserListFilter & { reload: number }>(() => {
    const active = this.active();
    return {
      q: this.q(),
      orgUnitId: this.orgUnitId() || undefined,
      role: this.role() || undefined,
      active: active === 'all' ? undefined : active === 'true',
      limit: this.pageSize(),
      offset: this.pageIndex() * this.pageSize(),
      reload: this.reload(),
    };
  });

  constructor() {
    toObservable(this.filter)
      .pipe(
        debounceTime(250),
        tap(() => {
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap((filter) =>
          this.usersApi.list(filter).pipe(
            catchError((error: unknown) => {
              this.problem.set(toProblem(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        this.loading.set(false);
        if (page) {
          this.page.set(page);
        }
      });

    this.orgUnitsApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (units) => this.orgUnits.set(flattenOrgUnits(units)),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  /** Typed access inside `*matCellDef` rows (their context is untyped). */
  protected asUser(u: UserResponse): UserResponse {
    return u;
  }

  protected onSearch(event: Event): void {
    this.q.set((event.target as HTMLInputElement).value);
    this.pageIndex.set(0);
  }

  protected setOrgUnit(value: string): void {
    this.orgUnitId.set(value);
    this.pageIndex.set(0);
  }

  protected setRole(value: Role | ''): void {
    this.role.set(value);
    this.pageIndex.set(0);
  }

  protected setActive(value: ActiveFilter): void {
    this.active.set(value);
    this.pageIndex.set(0);
  }

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected openCreate(): void {
    const ref = this.dialog.open<CreateUserDialogComponent, CreateUserDialogData, UserResponse>(
      CreateUserDialogComponent,
      {
        data: { orgUnits: this.orgUnits() },
        width: '720px',
        maxWidth: '100vw',
        autoFocus: 'first-tabbable',
      },
    );
    ref.afterClosed().subscribe((user) => {
      if (user) {
        this.notify('users.created', { name: user.name });
        this.reload.update((n) => n + 1);
      }
    });
  }

  protected toggleActive(user: UserResponse): void {
    this.pendingId.set(user.id);
    this.usersApi.setActive(user.id, !user.active).subscribe({
      next: (updated) => {
        this.pendingId.set(null);
        this.page.update((page) =>
          page
            ? { ...page, items: page.items.map((u) => (u.id === updated.id ? updated : u)) }
            : page,
        );
        this.notify(updated.active ? 'users.activated' : 'users.deactivated', {
          name: updated.name,
        });
      },
      error: (error: unknown) => {
        this.pendingId.set(null);
        this.problem.set(toProblem(error));
      },
    });
  }

  private notify(key: string, params: Record<string, string>): void {
    this.snackBar.open(
      this.translate.instant(key, params) as string,
      this.translate.instant('common.close') as string,
      { duration: 5000 },
    );
  }
}
