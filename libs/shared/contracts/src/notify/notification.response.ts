import type { NotifyCategory } from './categories';

export interface NotificationView {
  id: string;
  category: NotifyCategory;
  title: string;
  body: string;
  /** An app path to open (e.g. `/belajar/kursus/…`), or null. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationListResponse {
  items: NotificationView[];
  unread: number;
  /** Pass as `before` for the next page; null at the end. */
  nextBefore: string | null;
}
