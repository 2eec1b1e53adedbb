import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  NotificationListResponse,
  NotificationPreferencesView,
  UpdateNotificationPreferencesRequest,
} from '@siantar/contracts';
import { apiUrl } from '@siantar/web-core';
import type { Observable } from 'rxjs';

/** The signed-in user's in-app notifications and notification preferences. */
@Injectable({ providedIn: 'root' })
export class NotifyApi {
  private readonly http = inject(HttpClient);

  /** 20 per page, newest first; `before` is the previous page's `nextBefore`. */
  list(before?: string | null): Observable<NotificationListResponse> {
    const params = before ? new HttpParams().set('before', before) : new HttpParams();
    return this.http.get<NotificationListResponse>(apiUrl('/my/notifications'), { params });
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(apiUrl(`/my/notifications/${encodeURIComponent(id)}/read`), null);
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>(apiUrl('/my/notifications/read-all'), null);
  }

  preferences(): Observable<NotificationPreferencesView> {
    return this.http.get<NotificationPreferencesView>(apiUrl('/my/notification-preferences'));
  }

  savePreferences(
    body: UpdateNotificationPreferencesRequest,
  ): Observable<NotificationPreferencesView> {
    return this.http.put<NotificationPreferencesView>(apiUrl('/my/notification-preferences'), body);
  }

  /** City-wide admins: opens the queue dashboard in this browser for 15 minutes. */
  openQueueDashboard(): Observable<{ url: string }> {
    return this.http.post<{ url: string }>(apiUrl('/admin/queue-dashboard'), null);
  }
}
