import type { NotificationListResponse, NotificationView } from '@siantar/contracts';

/** What the bell shows: the pages loaded so far (newest first) and the unread count. */
export interface InboxState {
  items: readonly NotificationView[];
  unread: number;
  /** Pass as `before` for the next page; null when there is none. */
  nextBefore: string | null;
  /** The first page has arrived (for this user). */
  loaded: boolean;
}

export const EMPTY_INBOX: InboxState = { items: [], unread: 0, nextBefore: null, loaded: false };

const atLeastZero = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

const isUnread = (n: NotificationView): boolean => n.readAt === null;

/**
 * The first page, fresh from the server. `pushedMeanwhile` are live notifications that arrived
 * while it was loading (oldest first): those the page does not have yet stay on top, unread ones
 * counted on top of the server's count.
 */
export function withFirstPage(
  page: NotificationListResponse,
  pushedMeanwhile: readonly NotificationView[] = [],
): InboxState {
  const known = new Set(page.items.map((n) => n.id));
  const extra: NotificationView[] = [];
  for (const n of pushedMeanwhile) {
    if (!known.has(n.id)) {
      known.add(n.id);
      extra.unshift(n);
    }
  }
  return {
    items: [...extra, ...page.items],
    unread: atLeastZero(page.unread + extra.filter(isUnread).length),
    nextBefore: page.nextBefore,
    loaded: true,
  };
}

/** An older page ("Muat lebih banyak") appended; the unread count stays as kept locally. */
export function withNextPage(state: InboxState, page: NotificationListResponse): InboxState {
  const known = new Set(state.items.map((n) => n.id));
  return {
    ...state,
    items: [...state.items, ...page.items.filter((n) => !known.has(n.id))],
    nextBefore: page.nextBefore,
  };
}

/** A live notification: on top, and one more unread. A repeat of one already shown is ignored. */
export function withPushed(state: InboxState, n: NotificationView): InboxState {
  if (state.items.some((x) => x.id === n.id)) {
    return state;
  }
  return {
    ...state,
    items: [n, ...state.items],
    unread: atLeastZero(state.unread + (isUnread(n) ? 1 : 0)),
  };
}

/** One notification read (optimistically, before the server answers). */
export function withRead(state: InboxState, id: string, at: string): InboxState {
  const target = state.items.find((n) => n.id === id);
  if (!target || !isUnread(target)) {
    return state;
  }
  return {
    ...state,
    items: state.items.map((n) => (n.id === id ? { ...n, readAt: at } : n)),
    unread: atLeastZero(state.unread - 1),
  };
}

/** Everything read ("Tandai semua dibaca"). */
export function withAllRead(state: InboxState, at: string): InboxState {
  return {
    ...state,
    items: state.items.map((n) => (isUnread(n) ? { ...n, readAt: at } : n)),
    unread: 0,
  };
}

/** The text of the bell's badge: nothing at 0, "99+" above 99. */
export function badgeText(unread: number): string {
  const n = atLeastZero(unread);
  if (n === 0) {
    return '';
  }
  return n > 99 ? '99+' : String(n);
}
