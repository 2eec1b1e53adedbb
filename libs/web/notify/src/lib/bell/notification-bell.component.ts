import {
  ChangeDetectionStrategy,
  Component,
  ViewEncapsulation,
  afterRenderEffect,
  inject,
  signal,
  viewChildren,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuItem, MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { NotificationView } from '@siantar/contracts';
import { LanguageService } from '@siantar/web-core';
import { NotificationStore, appPath } from '../store/notification.store';
import { fullTime, relativeTime } from '../ui/relative-time';

/** Longer bodies are cut here (and to two lines on screen): the full text is on the linked page. */
const BODY_MAX = 160;

export function shortBody(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length > BODY_MAX ? `${text.slice(0, BODY_MAX - 1).trimEnd()}…` : text;
}

/**
 * The bell in the top bar: the unread count as a badge and, in a menu, the newest notifications
 * (opening one marks it read and follows its link), "mark all read", older pages, and the way
 * to the preferences. A live notification also shows briefly in a snack bar.
 */
@Component({
  selector: 'sb-notification-bell',
  imports: [
    MatBadgeModule,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    RouterLink,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The menu panel lives in an overlay outside this element: its styles cannot be scoped.
  encapsulation: ViewEncapsulation.None,
  template: `
    <button
      mat-icon-button
      type="button"
      class="sb-notify-trigger"
      data-testid="notification-bell"
      [matMenuTriggerFor]="menu"
      (menuOpened)="opened()"
      [attr.aria-label]="'notify.bell.label' | translate: { count: store.unread() }"
      [title]="'notify.bell.title' | translate"
    >
      <!-- The count is in the button's label; the badge's own text is hidden from readers. -->
      <span
        class="sb-notify-badge"
        [matBadge]="store.badge()"
        [matBadgeHidden]="!store.badge()"
        matBadgeSize="small"
        data-testid="notification-badge"
      >
        <mat-icon svgIcon="sbn-bell" aria-hidden="true" />
      </span>
    </button>
    <mat-menu
      #menu="matMenu"
      class="sb-notify-panel"
      xPosition="before"
      [aria-label]="'notify.bell.title' | translate"
    >
      <div class="sb-notify-head" aria-hidden="true">{{ 'notify.bell.title' | translate }}</div>
      <button
        mat-menu-item
        type="button"
        data-testid="notification-read-all"
        (click)="markAllRead($event)"
      >
        <mat-icon svgIcon="sbn-done-all" aria-hidden="true" />
        <span>{{ 'notify.bell.markAll' | translate }}</span>
      </button>
      @for (n of store.items(); track n.id) {
        <button
          #item
          mat-menu-item
          type="button"
          class="sb-notify-item"
          data-testid="notification-item"
          [class.sb-notify-unread]="!n.readAt"
          [attr.data-unread]="!n.readAt"
          (click)="open(n)"
        >
          <span class="sb-notify-dot" aria-hidden="true"></span>
          <span class="sb-notify-text">
            <span class="sb-notify-title">{{ n.title }}</span>
            @if (!n.readAt) {
              <span class="sb-visually-hidden">({{ 'notify.bell.unread' | translate }})</span>
            }
            <span class="sb-notify-body">{{ body(n) }}</span>
            <time class="sb-notify-time" [attr.datetime]="n.createdAt" [title]="full(n)">{{
              when(n)
            }}</time>
          </span>
        </button>
      } @empty {
        @if (!store.loading() && !store.problem()) {
          <p class="sb-notify-note" data-testid="notification-empty">
            {{ 'notify.bell.empty' | translate }}
          </p>
        }
      }
      @if (store.loading() || store.loadingMore()) {
        <p class="sb-notify-note">{{ 'notify.bell.loading' | translate }}</p>
      }
      @if (store.problem()) {
        <p class="sb-notify-note sb-error-text">{{ 'notify.bell.failed' | translate }}</p>
        @if (!store.loaded()) {
          <button mat-menu-item type="button" (click)="retry($event)">
            <mat-icon svgIcon="sbn-refresh" aria-hidden="true" />
            <span>{{ 'notify.bell.retry' | translate }}</span>
          </button>
        }
      }
      @if (store.hasMore()) {
        <button
          mat-menu-item
          type="button"
          data-testid="notification-more"
          (click)="loadMore($event)"
        >
          <mat-icon svgIcon="sbn-more" aria-hidden="true" />
          <span>{{ 'notify.bell.more' | translate }}</span>
        </button>
      }
      <a mat-menu-item routerLink="/profil/notifikasi" data-testid="notification-settings">
        <mat-icon svgIcon="sbn-settings" aria-hidden="true" />
        <span>{{ 'notify.bell.settings' | translate }}</span>
      </a>
    </mat-menu>
  `,
  styles: `
    .sb-notify-badge {
      display: inline-flex;
    }
    .sb-notify-panel.mat-mdc-menu-panel {
      width: min(400px, calc(100vw - 16px));
      max-width: min(400px, calc(100vw - 16px));
    }
    .sb-notify-head {
      padding: 8px 16px 4px;
      font: var(--mat-sys-title-medium);
    }
    .sb-notify-note {
      margin: 0;
      padding: 8px 16px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .sb-notify-note.sb-error-text {
      color: var(--mat-sys-error);
    }
    .mat-mdc-menu-item.sb-notify-item {
      align-items: flex-start;
      padding-block: 8px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .sb-notify-item .mat-mdc-menu-item-text {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      min-width: 0;
    }
    .sb-notify-dot {
      flex: 0 0 8px;
      width: 8px;
      height: 8px;
      margin-top: 8px;
      border-radius: 50%;
    }
    .sb-notify-unread .sb-notify-dot {
      background: var(--mat-sys-primary);
    }
    .sb-notify-text {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
    }
    .sb-notify-title {
      font: var(--mat-sys-body-large);
      overflow-wrap: anywhere;
    }
    .sb-notify-unread .sb-notify-title {
      font-weight: 700;
    }
    .sb-notify-body {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
      overflow-wrap: anywhere;
    }
    .sb-notify-time {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NotificationBellComponent {
  protected readonly store = inject(NotificationStore);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);

  private readonly itemButtons = viewChildren('item', { read: MatMenuItem });
  /** Refreshed when the menu opens, so that "5 menit yang lalu" is right when seen. */
  private readonly now = signal(Date.now());
  /**
   * After "Muat lebih banyak" (or "Coba lagi"), whose button may be gone once the page is in:
   * the index of the first new item, focused once it shows, so the keyboard stays in the menu.
   */
  private focusFrom: number | null = null;

  constructor() {
    this.store.arrivals.pipe(takeUntilDestroyed()).subscribe((n) => this.announce(n));
    afterRenderEffect(() => {
      const items = this.itemButtons();
      if (this.focusFrom === null || this.store.loading() || this.store.loadingMore()) {
        return;
      }
      const target = items[this.focusFrom];
      this.focusFrom = null;
      // Nothing new (the page failed): the button is still there and keeps the focus.
      target?.focus('program');
    });
  }

  protected opened(): void {
    this.now.set(Date.now());
    this.store.ensureLoaded();
  }

  protected body(n: NotificationView): string {
    return shortBody(n.body);
  }

  protected when(n: NotificationView): string {
    return relativeTime(
      n.createdAt,
      this.now(),
      this.language.current(),
      this.translate.instant('notify.time.justNow') as string,
    );
  }

  protected full(n: NotificationView): string {
    return fullTime(n.createdAt, this.language.current());
  }

  protected open(n: NotificationView): void {
    this.store.markRead(n);
    const path = appPath(n.link);
    if (path) {
      void this.router.navigateByUrl(path);
    }
  }

  /** Keeps the menu open (the click would close it). */
  protected markAllRead(event: Event): void {
    event.stopPropagation();
    this.store.markAllRead();
  }

  protected loadMore(event: Event): void {
    event.stopPropagation();
    this.focusFrom = this.store.items().length;
    this.store.loadMore();
  }

  protected retry(event: Event): void {
    event.stopPropagation();
    this.focusFrom = 0;
    this.store.refresh();
  }

  private announce(n: NotificationView): void {
    const path = appPath(n.link);
    const action = this.translate.instant(path ? 'notify.bell.open' : 'common.close') as string;
    this.snackBar
      .open(n.title, action, { duration: 6000, politeness: 'polite' })
      .onAction()
      .subscribe(() => {
        if (path) {
          this.store.markRead(n);
          void this.router.navigateByUrl(path);
        }
      });
  }
}
