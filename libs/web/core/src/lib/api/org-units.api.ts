import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateOrgUnitRequest,
  OrgUnitResponse,
  UpdateOrgUnitRequest,
} from '@siantar/contracts';
import type { Observable } from 'rxjs';
import { apiUrl } from './api-paths';

@Injectable({ providedIn: 'root' })
export class OrgUnitsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<OrgUnitResponse[]> {
    return this.http.get<OrgUnitResponse[]>(apiUrl('/org-units'));
  }

  create(body: CreateOrgUnitRequest): Observable<OrgUnitResponse> {
    return this.http.post<OrgUnitResponse>(apiUrl('/org-units'), body);
  }

  update(id: string, body: UpdateOrgUnitRequest): Observable<OrgUnitResponse> {
    return this.http.patch<OrgUnitResponse>(apiUrl(`/org-units/${encodeURIComponent(id)}`), body);
  }
}
