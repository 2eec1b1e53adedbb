import { HttpClient, HttpParams, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CalendarFeedUrlResponse,
  CreateLiveSessionRequest,
  LiveAttendanceReport,
  LiveMediaTokenResponse,
  LiveSessionView,
  StoredFileResponse,
  UpdateLiveSessionRequest,
} from '@siantar/contracts';
import { apiUrl } from '@siantar/web-core';
import type { Observable } from 'rxjs';

const id = (value: string): string => encodeURIComponent(value);

/** Live sessions over HTTP: scheduling, calendar, attendance, media token, slide upload. */
@Injectable({ providedIn: 'root' })
export class LiveApi {
  private readonly http = inject(HttpClient);

  /** The user's sessions overlapping the window (default: not yet ended), by start time. */
  mySessions(window: { from?: string; to?: string } = {}): Observable<LiveSessionView[]> {
    let params = new HttpParams();
    if (window.from) {
      params = params.set('from', window.from);
    }
    if (window.to) {
      params = params.set('to', window.to);
    }
    return this.http.get<LiveSessionView[]>(apiUrl('/my/live-sessions'), { params });
  }

  session(sessionId: string): Observable<LiveSessionView> {
    return this.http.get<LiveSessionView>(apiUrl(`/live-sessions/${id(sessionId)}`));
  }

  create(body: CreateLiveSessionRequest): Observable<LiveSessionView> {
    return this.http.post<LiveSessionView>(apiUrl('/live-sessions'), body);
  }

  update(sessionId: string, body: UpdateLiveSessionRequest): Observable<LiveSessionView> {
    return this.http.patch<LiveSessionView>(apiUrl(`/live-sessions/${id(sessionId)}`), body);
  }

  cancel(sessionId: string, reason: string): Observable<LiveSessionView> {
    return this.http.post<LiveSessionView>(apiUrl(`/live-sessions/${id(sessionId)}/cancel`), {
      reason,
    });
  }

  /** The session's .ics (one VEVENT); the answer names the file. */
  calendarFile(sessionId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(apiUrl(`/live-sessions/${id(sessionId)}/calendar.ics`), {
      responseType: 'blob',
      observe: 'response',
    });
  }

  feedUrl(): Observable<CalendarFeedUrlResponse> {
    return this.http.get<CalendarFeedUrlResponse>(apiUrl('/my/calendar-feed-url'));
  }

  rotateFeedUrl(): Observable<CalendarFeedUrlResponse> {
    return this.http.post<CalendarFeedUrlResponse>(apiUrl('/my/calendar-feed-url/rotate'), {});
  }

  attendance(sessionId: string): Observable<LiveAttendanceReport> {
    return this.http.get<LiveAttendanceReport>(
      apiUrl(`/live-sessions/${id(sessionId)}/attendance`),
    );
  }

  attendanceCsv(sessionId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(apiUrl(`/live-sessions/${id(sessionId)}/attendance.csv`), {
      responseType: 'blob',
      observe: 'response',
    });
  }

  /** Only when the room's media plane is LiveKit. */
  mediaToken(sessionId: string): Observable<LiveMediaTokenResponse> {
    return this.http.get<LiveMediaTokenResponse>(
      apiUrl(`/live-sessions/${id(sessionId)}/media-token`),
    );
  }

  /** A slide deck (PDF) through the storage interface: POST /files, purpose `document`. */
  uploadSlides(file: File): Observable<StoredFileResponse> {
    const form = new FormData();
    form.append('purpose', 'document');
    form.append('file', file, file.name);
    return this.http.post<StoredFileResponse>(apiUrl('/files'), form);
  }
}
