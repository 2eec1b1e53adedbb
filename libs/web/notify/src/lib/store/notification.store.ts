import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type {
  NotificationListResponse,
  NotificationView,
  ProblemDetails,
} from '@siantar/contracts';
import { UserEventsService } from '@siantar/web-assessment';
import { AuthService, toProblem } from '@siantar/web-core';
import {
  EMPTY,
  type Observable,
  Subject,
  type Subscription,
  catchError,
  distinctUntilChanged,
  map,
  merge,
  of,
  switchMap,
  tap,
} from 'rxjs';
import { NotifyApi } from '../api/notify.api';
import {
  EMPTY_INBOX,
  type InboxState,
  badgeText,
  withAllRead,
  withFirstPage,
  withNextPage,
  withPushed,
  withRead,
} from './inbox-state';

type PageResult = { page: NotificationListResponse } | { error: unknown };

/** Keeps app paths only: a link is never followed off the app. */
export function appPath(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\')
    ? link
    : null;
}

/**
 * The signed-in user's notification centre: the first page and the unread count are loaded on
 * sign-in and after every (re)connection of the notifications socket (pushes may have been
 * missed meanwhile); live `notification` events go on top. Reading is optimistic and resynced
 * from the server when a request fails. Cleared on sign-out.
 */
@Injectable({ providedIn: 'root' })
export class NotificationStore {
  private readonly api = inject(NotifyApi);
  private readonly events = inject(UserEventsService);
  private readonly auth = inject(AuthService);

  private readonly state = signal<InboxState>(EMPTY_INBOX);
  readonly items = computed(() => this.state().items);
  readonly unread = computed(() => this.state().unread);
  readonly badge = computed(() => badgeText(this.state().unread));
  readonly hasMore = computed(() => this.state().nextBefore !== null);
  readonly loaded = computed(() => this.state().loaded);
  readonly loading = signal(false);
  readonly loadingMore = signal(false);
  readonly problem = signal<ProblemDetails | null>(null);

  private readonly arrivalsSubject = new Subject<NotificationView>();
  /** Each live notification once it is in the list (the bell shows a snack bar). */
  readonly arrivals: Observable<NotificationView> = this.arrivalsSubject.asObservable();

  /** true: load the first page (a newer request replaces one in flight); false: cancel. */
  private readonly firstPage = new Subject<boolean>();
  /** Live notifications received while the first page loads; null when none is loading. */
  private pushedMeanwhile: NotificationView[] | null = null;
  private nextPage: Subscription | null = null;

  constructor() {
    this.firstPage
      .pipe(
        switchMap((load) => {
          if (!load) {
            this.pushedMeanwhile = null;
            this.loading.set(false);
            return EMPTY;
          }
          this.pushedMeanwhile = [];
          this.loading.set(true);
          this.problem.set(null);
          return this.api.list().pipe(
            map((page): PageResult => ({ page })),
            catchError((error: unknown) => of<PageResult>({ error })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        const pushed = this.pushedMeanwhile ?? [];
        this.pushedMeanwhile = null;
        this.loading.set(false);
        if ('page' in result) {
          this.cancelNextPage();
          this.state.set(withFirstPage(result.page, pushed));
        } else {
          this.problem.set(toProblem(result.error));
        }
      });

    const userId = computed(() => this.auth.user()?.id ?? null);
    toObservable(userId)
      .pipe(
        distinctUntilChanged(),
        switchMap((id) => {
          this.clear();
          if (!id) {
            return EMPTY;
          }
          this.refresh();
          return merge(
            this.events.connects.pipe(tap(() => this.refresh())),
            this.events.on('notification').pipe(tap((n) => this.push(n))),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  /** Loads the first page and the unread count again. */
  refresh(): void {
    this.firstPage.next(true);
  }

  /** Loads the first page unless it is there or on its way (the panel opening). */
  ensureLoaded(): void {
    if (!this.loaded() && !this.loading()) {
      this.refresh();
    }
  }

  /** "Muat lebih banyak": the next older page. */
  loadMore(): void {
    const before = this.state().nextBefore;
    if (!before || this.nextPage) {
      return;
    }
    this.loadingMore.set(true);
    this.problem.set(null);
    this.nextPage = this.api.list(before).subscribe({
      next: (page) => {
        this.nextPage = null;
        this.loadingMore.set(false);
        // A first page that arrived meanwhile starts the list over.
        if (this.state().nextBefore === before) {
          this.state.update((s) => withNextPage(s, page));
        }
      },
      error: (error: unknown) => {
        this.nextPage = null;
        this.loadingMore.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  /** A notification that was opened: read at once here, then on the server. */
  markRead(n: NotificationView): void {
    const current = this.state().items.find((x) => x.id === n.id);
    if (!current || current.readAt !== null) {
      return;
    }
    this.state.update((s) => withRead(s, n.id, new Date().toISOString()));
    this.api.markRead(n.id).subscribe({ error: () => this.refresh() });
  }

  /** "Tandai semua dibaca". */
  markAllRead(): void {
    const s = this.state();
    if (s.unread === 0 && s.items.every((n) => n.readAt !== null)) {
      return;
    }
    this.state.set(withAllRead(s, new Date().toISOString()));
    this.api.markAllRead().subscribe({ error: () => this.refresh() });
  }

  /** A live `notification` event. */
  push(n: NotificationView): void {
    this.pushedMeanwhile?.push(n);
    const before = this.state();
    const after = withPushed(before, n);
    if (after !== before) {
      this.state.set(after);
      this.arrivalsSubject.next(n);
    }
  }

  private clear(): void {
    this.firstPage.next(false);
    this.cancelNextPage();
    this.state.set(EMPTY_INBOX);
    this.problem.set(null);
  }

  private cancelNextPage(): void {
    this.nextPage?.unsubscribe();
    this.nextPage = null;
    this.loadingMore.set(false);
  }
}
