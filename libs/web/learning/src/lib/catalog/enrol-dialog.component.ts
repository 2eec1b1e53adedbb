import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import {
  MatAutocompleteModule,
  type MatAutocompleteSelectedEvent,
} from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { BulkEnrolResponse, ProblemDetails, UserResponse } from '@siantar/contracts';
import { OrgUnitsApi, ProblemAlertComponent, UsersApi, toProblem } from '@siantar/web-core';
import {
  type Subscription,
  catchError,
  debounceTime,
  distinctUntilChanged,
  map,
  of,
  switchMap,
  takeWhile,
  timer,
} from 'rxjs';
import { CatalogApi } from '../api/learning.api';

export interface EnrolDialogData {
  courseId: string;
  title: string;
}

/** Poll interval for the background enrolment job (ms). */
export const BULK_POLL_MS = 1500;

/** Admins: enrol people, whole OPDs (with sub-units) and positions; follows the worker job. */
@Component({
  selector: 'sb-enrol-dialog',
  imports: [
    MatAutocompleteModule,
    MatButtonModule,
    MatChipsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ProblemAlertComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'learning.bulk.title' | translate: { title: data.title } }}</h2>
    <mat-dialog-content>
      @if (!result()) {
        <form class="sb-form" (submit)="$event.preventDefault(); submit()">
          <mat-form-field>
            <mat-label>{{ 'learning.bulk.users' | translate }}</mat-label>
            <mat-chip-grid #userChips [attr.aria-label]="'learning.bulk.users' | translate">
              @for (u of users(); track u.id) {
                <mat-chip-row (removed)="removeUser(u.id)">
                  {{ u.name }}
                  <button
                    matChipRemove
                    type="button"
                    [attr.aria-label]="'learning.bulk.remove' | translate: { name: u.name }"
                  >
                    <mat-icon svgIcon="close" aria-hidden="true" />
                  </button>
                </mat-chip-row>
              }
              <input
                [placeholder]="'learning.bulk.userSearch' | translate"
                [matChipInputFor]="userChips"
                [matAutocomplete]="userAuto"
                [value]="userQuery()"
                (input)="userQuery.set($any($event.target).value)"
              />
            </mat-chip-grid>
            <mat-autocomplete #userAuto="matAutocomplete" (optionSelected)="addUser($event)">
              @for (u of userOptions(); track u.id) {
                <mat-option [value]="u">
                  {{ u.name }}
                  <span class="sb-muted">· {{ u.nip ?? u.email }} · {{ u.orgUnit.name }}</span>
                </mat-option>
              }
            </mat-autocomplete>
          </mat-form-field>

          <mat-form-field>
            <mat-label>{{ 'learning.bulk.orgUnits' | translate }}</mat-label>
            <mat-select
              multiple
              [value]="orgUnitIds()"
              (selectionChange)="orgUnitIds.set($event.value)"
            >
              @for (u of orgUnits(); track u.id) {
                <mat-option [value]="u.id">{{ u.path.join(' › ') }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'learning.bulk.orgUnitsHint' | translate }}</mat-hint>
          </mat-form-field>

          <mat-form-field>
            <mat-label>{{ 'learning.bulk.positions' | translate }}</mat-label>
            <mat-chip-grid #positionChips [attr.aria-label]="'learning.bulk.positions' | translate">
              @for (p of positions(); track p) {
                <mat-chip-row (removed)="removePosition(p)">
                  {{ p }}
                  <button
                    matChipRemove
                    type="button"
                    [attr.aria-label]="'learning.bulk.remove' | translate: { name: p }"
                  >
                    <mat-icon svgIcon="close" aria-hidden="true" />
                  </button>
                </mat-chip-row>
              }
              <input
                [placeholder]="'learning.bulk.positionAdd' | translate"
                [matChipInputFor]="positionChips"
                (matChipInputTokenEnd)="addPosition($event.value); $event.chipInput.clear()"
              />
            </mat-chip-grid>
            <mat-hint>{{ 'learning.bulk.positionsHint' | translate }}</mat-hint>
          </mat-form-field>
          <sb-problem-alert [problem]="problem()" />
        </form>
      } @else {
        @if (result(); as r) {
          <div class="sb-progress" role="status" aria-live="polite">
            <span>{{ 'learning.bulk.status.' + r.status | translate }}</span>
            <mat-progress-bar
              mode="determinate"
              [value]="r.progress"
              [attr.aria-label]="'learning.bulk.progress' | translate"
            />
            <dl class="sb-details">
              <dt>{{ 'learning.bulk.total' | translate }}</dt>
              <dd>{{ r.total }}</dd>
              <dt>{{ 'learning.bulk.enrolled' | translate }}</dt>
              <dd>{{ r.enrolled }}</dd>
              <dt>{{ 'learning.bulk.already' | translate }}</dt>
              <dd>{{ r.alreadyEnrolled }}</dd>
              <dt>{{ 'learning.bulk.skipped' | translate }}</dt>
              <dd>{{ r.skipped.length }}</dd>
            </dl>
            @if (r.skipped.length) {
              <ul class="sb-skipped">
                @for (s of r.skipped; track s.userId) {
                  <li>
                    <span class="sb-mono">{{ s.userId }}</span>: {{ s.reason }}
                  </li>
                }
              </ul>
            }
          </div>
        }
        <sb-problem-alert [problem]="problem()" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.close' | translate }}</button>
      @if (!result()) {
        <button
          mat-flat-button
          type="button"
          [disabled]="empty() || submitting()"
          (click)="submit()"
        >
          {{ 'learning.bulk.submit' | translate }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .sb-skipped {
      max-height: 200px;
      overflow: auto;
      padding-inline-start: 18px;
    }
  `,
})
export class EnrolDialogComponent {
  protected readonly data = inject<EnrolDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(CatalogApi);
  private readonly usersApi = inject(UsersApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly users = signal<UserResponse[]>([]);
  protected readonly userQuery = signal('');
  protected readonly orgUnitIds = signal<string[]>([]);
  protected readonly positions = signal<string[]>([]);
  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly result = signal<BulkEnrolResponse | null>(null);
  protected readonly empty = computed(
    () => !this.users().length && !this.orgUnitIds().length && !this.positions().length,
  );
  private poll: Subscription | null = null;

  protected readonly orgUnits = toSignal(
    inject(OrgUnitsApi)
      .list()
      .pipe(
        map((units) =>
          [...units].sort((a, b) => a.path.join('/').localeCompare(b.path.join('/'), 'id')),
        ),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );

  protected readonly userOptions = toSignal(
    toObservable(this.userQuery).pipe(
      debounceTime(250),
      map((q) => (typeof q === 'string' ? q.trim() : '')),
      distinctUntilChanged(),
      switchMap((q) =>
        q.length < 2
          ? of([])
          : this.usersApi.list({ q, active: true, limit: 10, offset: 0 }).pipe(
              map((page) => page.items.filter((u) => !this.users().some((s) => s.id === u.id))),
              catchError(() => of([])),
            ),
      ),
    ),
    { initialValue: [] as UserResponse[] },
  );

  protected addUser(event: MatAutocompleteSelectedEvent): void {
    const user = event.option.value as UserResponse;
    if (!this.users().some((u) => u.id === user.id)) {
      this.users.update((list) => [...list, user]);
    }
    this.userQuery.set('');
    event.option.deselect();
  }

  protected removeUser(id: string): void {
    this.users.update((list) => list.filter((u) => u.id !== id));
  }

  protected addPosition(value: string): void {
    const p = value.trim().slice(0, 150);
    if (p && !this.positions().includes(p)) {
      this.positions.update((list) => [...list, p]);
    }
  }

  protected removePosition(p: string): void {
    this.positions.update((list) => list.filter((x) => x !== p));
  }

  protected submit(): void {
    if (this.empty() || this.submitting()) {
      return;
    }
    this.submitting.set(true);
    this.problem.set(null);
    this.api
      .bulkEnrol(this.data.courseId, {
        userIds: this.users().map((u) => u.id),
        orgUnitIds: this.orgUnitIds(),
        positions: this.positions(),
      })
      .subscribe({
        next: (response) => {
          this.submitting.set(false);
          this.result.set(response);
          this.follow(response);
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }

  private follow(first: BulkEnrolResponse): void {
    if (first.status === 'done' || first.status === 'failed') {
      return;
    }
    this.poll?.unsubscribe();
    this.poll = timer(BULK_POLL_MS, BULK_POLL_MS)
      .pipe(
        switchMap(() => this.api.bulkEnrolStatus(first.requestId)),
        takeWhile((r) => r.status !== 'done' && r.status !== 'failed', true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (r) => this.result.set(r),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
