import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocompleteModule,
  type MatAutocompleteSelectedEvent,
} from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  DELIVERY_STATUSES,
  type DeliveryLogItem,
  type DeliveryLogPage,
  type DeliveryStatus,
  type ProblemDetails,
  type UserResponse,
} from '@siantar/contracts';
import {
  AuthService,
  LanguageService,
  ProblemAlertComponent,
  UsersApi,
  confirmAction,
  toProblem,
} from '@siantar/web-core';
import {
  type Subscription,
  catchError,
  debounceTime,
  distinctUntilChanged,
  map,
  of,
  switchMap,
} from 'rxjs';
import { type DeliveryLogFilter, NotifyAdminApi } from '../api/notify-admin.api';
import { wibTime } from '../ui/relative-time';
import { isCityWideAdmin } from './city-wide';

/** Channels with a name of their own; any other shows as the api names it. */
const KNOWN_CHANNELS = new Set(['email', 'in-app']);

/** Typed this long before the people search asks the api. */
export const PERSON_SEARCH_MIN = 2;
export const PERSON_SEARCH_DEBOUNCE_MS = 250;

/**
 * Admin › Log pengiriman (`/admin/notifikasi/log`): what happened to each notice per channel,
 * newest first, for everyone in the admin's reach or one person; a bouncing address of that
 * person can be marked valid again.
 */
@Component({
  selector: 'sb-delivery-log',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
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
    <h1 class="sb-page-title">{{ 'notify.admin.log.title' | translate }}</h1>
    <p class="sb-lead">{{ 'notify.admin.log.lead' | translate }}</p>
    @if (cityWide()) {
      <p>
        <a routerLink="/admin/notifikasi">{{ 'notify.admin.log.toDefaults' | translate }}</a>
      </p>
    }

    <div
      class="sb-filters"
      role="search"
      [attr.aria-label]="'notify.admin.log.filters' | translate"
    >
      <mat-form-field>
        <mat-label>{{ 'notify.admin.log.person' | translate }}</mat-label>
        <input
          matInput
          type="text"
          [formControl]="personInput"
          [matAutocomplete]="people"
          [placeholder]="'notify.admin.log.personPlaceholder' | translate"
          data-testid="log-person"
        />
        @if (person()) {
          <button
            mat-icon-button
            matIconSuffix
            type="button"
            (click)="clearPerson()"
            [attr.aria-label]="'notify.admin.log.clearPerson' | translate"
            data-testid="log-person-clear"
          >
            <mat-icon svgIcon="close" aria-hidden="true" />
          </button>
        }
        <mat-hint>{{ 'notify.admin.log.personHint' | translate }}</mat-hint>
        <mat-autocomplete
          #people="matAutocomplete"
          [displayWith]="personName"
          (optionSelected)="choose($event)"
        >
          @for (u of personOptions(); track u.id) {
            <mat-option [value]="u">
              {{ u.name }}
              <span class="sb-muted">· {{ u.nip ?? u.email }} · {{ u.orgUnit.name }}</span>
            </mat-option>
          }
        </mat-autocomplete>
      </mat-form-field>

      <mat-form-field>
        <mat-label>{{ 'notify.admin.log.status' | translate }}</mat-label>
        <mat-select
          [value]="status()"
          (selectionChange)="setStatus($event.value)"
          data-testid="log-status"
        >
          <mat-option value="">{{ 'notify.admin.log.statusAll' | translate }}</mat-option>
          @for (s of statuses; track s) {
            <mat-option [value]="s">{{
              'notify.admin.log.statusName.' + s | translate
            }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>

    @if (person(); as p) {
      @if (bounce(); as b) {
        <div class="sb-log-bounce" role="status" data-testid="bounce-banner">
          <p>
            {{
              'notify.admin.log.bounce'
                | translate: { email: p.email, since: when(b.at), reason: b.reason }
            }}
          </p>
          <p class="sb-log-bounce-note">{{ 'notify.admin.log.bounceNote' | translate }}</p>
          <sb-problem-alert [problem]="clearProblem()" [showRequestId]="false" />
          <button
            mat-flat-button
            type="button"
            (click)="clearBounce()"
            [disabled]="clearing()"
            data-testid="bounce-clear"
          >
            {{ 'notify.admin.log.markValid' | translate }}
          </button>
        </div>
      }
    }

    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
    }
    @if (problem(); as pr) {
      <sb-problem-alert [problem]="pr" />
      <button mat-stroked-button type="button" (click)="reload()" data-testid="log-retry">
        {{ 'notify.bell.retry' | translate }}
      </button>
    }

    <p class="cdk-visually-hidden" aria-live="polite">
      @if (loaded() && !loading() && !problem()) {
        {{ 'notify.admin.log.count' | translate: { count: items().length } }}
      }
    </p>

    @if (loaded() && !loading() && !problem() && items().length === 0) {
      <p class="sb-empty" data-testid="log-empty">
        {{
          (person() || status() ? 'notify.admin.log.emptyFiltered' : 'notify.admin.log.empty')
            | translate
        }}
      </p>
    }

    @if (items().length > 0) {
      <ul class="sb-log-list" [attr.aria-label]="'notify.admin.log.listLabel' | translate">
        @for (item of items(); track item.id) {
          <li class="sb-log-item" data-testid="log-item" [attr.data-status]="item.status">
            <div class="sb-log-head">
              <time class="sb-log-time" [attr.datetime]="item.at">{{ when(item.at) }}</time>
              <span
                class="sb-chip sb-log-status"
                [class]="'sb-log-status-' + item.status"
                data-testid="log-status-chip"
                >{{ 'notify.admin.log.statusName.' + item.status | translate }}</span
              >
            </div>
            <div class="sb-log-what">
              @if (item.title) {
                <span class="sb-strong">{{ item.title }}</span>
              } @else {
                <span class="sb-code">{{ item.event }}</span>
              }
              <span class="sb-muted">
                · {{ 'notify.admin.log.via' | translate }} {{ channelName(item) }}</span
              >
            </div>
            <div class="sb-log-who">
              {{ item.user.name }}
              <span class="sb-muted">· {{ item.user.nip ?? item.user.email }}</span>
            </div>
            @if (item.detail) {
              <div class="sb-log-detail" data-testid="log-detail">{{ item.detail }}</div>
            }
          </li>
        }
      </ul>
    }

    @if (moreProblem(); as mp) {
      <sb-problem-alert [problem]="mp" />
    }
    @if (nextBefore() && !problem()) {
      <div class="sb-log-more">
        <button
          mat-stroked-button
          type="button"
          (click)="loadMore()"
          [disabled]="loadingMore() || loading()"
          data-testid="log-more"
        >
          {{ 'notify.admin.log.more' | translate }}
        </button>
        @if (loadingMore()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
        }
      </div>
    }
  `,
  styles: `
    .sb-log-bounce {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
      padding: 12px 16px;
      margin-bottom: 16px;
      border-radius: 12px;
      border-inline-start: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      p {
        margin: 0;
        overflow-wrap: anywhere;
      }
    }
    .sb-log-list {
      list-style: none;
      margin: 0;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
    }
    .sb-log-item {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 12px 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      overflow-wrap: anywhere;
      &:last-child {
        border-bottom: none;
      }
    }
    .sb-log-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 12px;
    }
    .sb-log-time {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .sb-log-detail {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .sb-log-status-sent {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .sb-log-status-skipped {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
    .sb-log-status-deferred {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .sb-log-status-failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .sb-log-status-bounced {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
    .sb-log-more {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      margin-top: 16px;
      mat-progress-bar {
        max-width: 240px;
      }
    }
  `,
})
export class DeliveryLogComponent {
  private readonly api = inject(NotifyAdminApi);
  private readonly usersApi = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);

  protected readonly statuses = DELIVERY_STATUSES;
  protected readonly cityWide = computed(() => isCityWideAdmin(this.auth.user()));

  /** The search text, or the person picked from it. */
  protected readonly personInput = new FormControl<string | UserResponse>('', {
    nonNullable: true,
  });
  protected readonly person = signal<UserResponse | null>(null);
  protected readonly status = signal<DeliveryStatus | ''>('');

  protected readonly items = signal<DeliveryLogItem[]>([]);
  protected readonly nextBefore = signal<string | null>(null);
  protected readonly bounce = signal<DeliveryLogPage['emailBounce']>(null);
  protected readonly loaded = signal(false);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly loadingMore = signal(false);
  protected readonly moreProblem = signal<ProblemDetails | null>(null);
  protected readonly clearing = signal(false);
  protected readonly clearProblem = signal<ProblemDetails | null>(null);

  /** The page request in flight; a newer filter cancels it. */
  private request: Subscription | null = null;

  protected readonly personOptions = toSignal(
    this.personInput.valueChanges.pipe(
      debounceTime(PERSON_SEARCH_DEBOUNCE_MS),
      map((v) => (typeof v === 'string' ? v.trim() : '')),
      distinctUntilChanged(),
      switchMap((q) =>
        q.length < PERSON_SEARCH_MIN
          ? of([])
          : this.usersApi.list({ q, limit: 10, offset: 0 }).pipe(
              map((page) => page.items),
              catchError(() => of([])),
            ),
      ),
    ),
    { initialValue: [] as UserResponse[] },
  );

  protected readonly personName = (value: UserResponse | string | null): string =>
    typeof value === 'string' ? value : (value?.name ?? '');

  constructor() {
    // Typing over a picked person's name goes back to everyone.
    this.personInput.valueChanges.pipe(takeUntilDestroyed()).subscribe((v) => {
      if (typeof v === 'string' && this.person()) {
        this.person.set(null);
        this.reload();
      }
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
    this.reload();
  }

  protected when(iso: string): string {
    return wibTime(iso, this.language.current());
  }

  protected channelName(item: DeliveryLogItem): string {
    return KNOWN_CHANNELS.has(item.channel)
      ? (this.translate.instant(`notify.admin.log.channel.${item.channel}`) as string)
      : item.channel;
  }

  protected choose(event: MatAutocompleteSelectedEvent): void {
    const user = event.option.value as UserResponse;
    if (this.person()?.id !== user.id) {
      this.person.set(user);
      this.reload();
    }
  }

  protected clearPerson(): void {
    this.personInput.setValue('', { emitEvent: false });
    this.person.set(null);
    this.reload();
  }

  protected setStatus(value: DeliveryStatus | ''): void {
    this.status.set(value);
    this.reload();
  }

  /** The first page for the current filter. */
  protected reload(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.loadingMore.set(false);
    this.problem.set(null);
    this.moreProblem.set(null);
    this.clearProblem.set(null);
    this.request = this.api.deliveries(this.filter()).subscribe({
      next: (page) => {
        this.loading.set(false);
        this.loaded.set(true);
        this.items.set(page.items);
        this.nextBefore.set(page.nextBefore);
        this.bounce.set(page.emailBounce);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loaded.set(true);
        // The list of another filter would mislead: it goes.
        this.items.set([]);
        this.nextBefore.set(null);
        this.bounce.set(null);
        this.problem.set(toProblem(error));
      },
    });
  }

  protected loadMore(): void {
    const before = this.nextBefore();
    if (!before || this.loadingMore() || this.loading()) {
      return;
    }
    this.loadingMore.set(true);
    this.moreProblem.set(null);
    this.request = this.api.deliveries({ ...this.filter(), before }).subscribe({
      next: (page) => {
        this.loadingMore.set(false);
        const known = new Set(this.items().map((i) => i.id));
        this.items.update((items) => [...items, ...page.items.filter((i) => !known.has(i.id))]);
        this.nextBefore.set(page.nextBefore);
        this.bounce.set(page.emailBounce);
      },
      error: (error: unknown) => {
        this.loadingMore.set(false);
        this.moreProblem.set(toProblem(error));
      },
    });
  }

  protected clearBounce(): void {
    const person = this.person();
    if (!person || this.clearing()) {
      return;
    }
    confirmAction(this.dialog, {
      title: 'notify.admin.log.confirmTitle',
      message: 'notify.admin.log.confirmMessage',
      params: { email: person.email, name: person.name },
      confirm: 'notify.admin.log.confirmYes',
    }).subscribe((yes) => {
      if (!yes) {
        return;
      }
      this.clearing.set(true);
      this.clearProblem.set(null);
      this.api.clearEmailBounce(person.id).subscribe({
        next: () => {
          this.clearing.set(false);
          this.snackBar.open(
            this.translate.instant('notify.admin.log.markedValid', {
              email: person.email,
            }) as string,
            this.translate.instant('common.close') as string,
            { duration: 5000, politeness: 'polite' },
          );
          this.reload();
        },
        error: (error: unknown) => {
          this.clearing.set(false);
          this.clearProblem.set(toProblem(error));
        },
      });
    });
  }

  private filter(): DeliveryLogFilter {
    return { userId: this.person()?.id ?? null, status: this.status() || null };
  }
}
