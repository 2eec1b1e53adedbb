import { HttpClient, type HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateUserRequest,
  Page,
  Role,
  UpdateUserRequest,
  UserImportResult,
  UserResponse,
} from '@siantar/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from './api-paths';

export interface UserListFilter {
  q?: string;
  orgUnitId?: string;
  role?: Role;
  active?: boolean;
  limit: number;
  offset: number;
}

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(filter: UserListFilter): Observable<Page<UserResponse>> {
    let params = new HttpParams().set('limit', filter.limit).set('offset', filter.offset);
    if (filter.q?.trim()) {
      params = params.set('q', filter.q.trim());
    }
    if (filter.orgUnitId) {
      params = params.set('orgUnitId', filter.orgUnitId);
    }
    if (filter.role) {
      params = params.set('role', filter.role);
    }
    if (filter.active !== undefined) {
      params = params.set('active', String(filter.active));
    }
    return this.http.get<Page<UserResponse>>(apiUrl('/users'), { params });
  }

  create(body: CreateUserRequest): Observable<UserResponse> {
    return this.http.post<UserResponse>(apiUrl('/users'), body);
  }

  update(id: string, body: UpdateUserRequest): Observable<UserResponse> {
    return this.http.patch<UserResponse>(apiUrl(`/users/${encodeURIComponent(id)}`), body);
  }

  setActive(id: string, active: boolean): Observable<UserResponse> {
    const action = active ? 'activate' : 'deactivate';
    return this.http.post<UserResponse>(apiUrl(`/users/${encodeURIComponent(id)}/${action}`), {});
  }

  /** Multipart upload of the staff CSV; emits progress events then the response. */
  import(file: File): Observable<HttpEvent<UserImportResult>> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<UserImportResult>(apiUrl('/users/import'), form, {
      reportProgress: true,
      observe: 'events',
    });
  }

  importTemplate(): Observable<Blob> {
    return this.http.get(apiUrl('/users/import/template'), { responseType: 'blob' });
  }
}
