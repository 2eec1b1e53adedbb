import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  DeliveryLogPage,
  DeliveryStatus,
  NotificationDefaultsView,
  UpdateNotificationDefaultsRequest,
} from '@siantar/contracts';
import { apiUrl } from '@siantar/web-core';
import type { Observable } from 'rxjs';

export interface DeliveryLogFilter {
  /** One person's log; everyone in the admin's reach without it. */
  userId?: string | null;
  status?: DeliveryStatus | null;
  /** The previous page's `nextBefore`. */
  before?: string | null;
}

/** Admins: the notification defaults (city-wide admins) and the delivery log (any admin). */
@Injectable({ providedIn: 'root' })
export class NotifyAdminApi {
  private readonly http = inject(HttpClient);

  defaults(): Observable<NotificationDefaultsView> {
    return this.http.get<NotificationDefaultsView>(apiUrl('/admin/notification-defaults'));
  }

  saveDefaults(body: UpdateNotificationDefaultsRequest): Observable<NotificationDefaultsView> {
    return this.http.put<NotificationDefaultsView>(apiUrl('/admin/notification-defaults'), body);
  }

  /** 50 per page, newest first. */
  deliveries(filter: DeliveryLogFilter = {}): Observable<DeliveryLogPage> {
    let params = new HttpParams();
    if (filter.userId) {
      params = params.set('userId', filter.userId);
    }
    if (filter.status) {
      params = params.set('status', filter.status);
    }
    if (filter.before) {
      params = params.set('before', filter.before);
    }
    return this.http.get<DeliveryLogPage>(apiUrl('/admin/notification-deliveries'), { params });
  }

  /** Email goes to this person's address again. */
  clearEmailBounce(userId: string): Observable<void> {
    return this.http.delete<void>(
      apiUrl(`/admin/users/${encodeURIComponent(userId)}/email-bounce`),
    );
  }
}
