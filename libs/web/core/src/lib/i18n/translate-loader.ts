import { HttpClient } from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import type { TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { type Observable, forkJoin, map } from 'rxjs';

/**
 * Feature areas keep their strings in files of their own, `i18n/<area>/<lang>.json`,
 * so that areas built side by side never edit the same file.
 */
export const I18N_AREAS = new InjectionToken<readonly string[]>('I18N_AREAS', {
  factory: () => [],
});

/** Loads `i18n/<lang>.json` plus each area's file from the web app's public folder (relative to `<base href>`). */
@Injectable()
export class HttpTranslateLoader implements TranslateLoader {
  private readonly http = inject(HttpClient);
  private readonly areas = inject(I18N_AREAS);

  getTranslation(lang: string): Observable<TranslationObject> {
    const files = [`i18n/${lang}.json`, ...this.areas.map((a) => `i18n/${a}/${lang}.json`)];
    return forkJoin(files.map((f) => this.http.get<TranslationObject>(f))).pipe(
      map((parts) => Object.assign({}, ...parts) as TranslationObject),
    );
  }
}
