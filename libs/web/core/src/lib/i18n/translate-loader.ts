import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { TranslateLoader, TranslationObject } from '@ngx-translate/core';
import type { Observable } from 'rxjs';

/** Loads `i18n/<lang>.json` from the web app's public folder (relative to `<base href>`). */
@Injectable()
export class HttpTranslateLoader implements TranslateLoader {
  private readonly http = inject(HttpClient);

  getTranslation(lang: string): Observable<TranslationObject> {
    return this.http.get<TranslationObject>(`i18n/${lang}.json`);
  }
}
