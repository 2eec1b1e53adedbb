import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { MeResponse, UpdateMeRequest } from '@siantar/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from './api-paths';

@Injectable({ providedIn: 'root' })
export class MeApi {
  private readonly http = inject(HttpClient);

  get(): Observable<MeResponse> {
    return this.http.get<MeResponse>(apiUrl('/me'));
  }

  update(body: UpdateMeRequest): Observable<MeResponse> {
    return this.http.patch<MeResponse>(apiUrl('/me'), body);
  }
}
