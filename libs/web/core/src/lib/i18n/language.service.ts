import { DOCUMENT } from '@angular/common';
import { Injectable, effect, inject, signal, untracked } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { LANGUAGES, type Language } from '@siantar/contracts';
import { type Observable, firstValueFrom, map, of, tap } from 'rxjs';
import { MeApi } from '../api/me.api';
import { AuthService } from '../auth/auth.service';

export const DEFAULT_LANGUAGE: Language = 'id';
export const LANGUAGE_STORAGE_KEY = 'sb.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The UI language. Signed out: remembered in localStorage. Signed in: the user's
 * `language` from /me, and a change is saved with PATCH /me.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly auth = inject(AuthService);
  private readonly meApi = inject(MeApi);
  private readonly document = inject(DOCUMENT);

  private readonly lang = signal<Language>(DEFAULT_LANGUAGE);
  readonly current = this.lang.asReadonly();
  readonly languages = LANGUAGES;

  constructor() {
    this.translate.addLangs([...LANGUAGES]);
    this.translate.setFallbackLang(DEFAULT_LANGUAGE);
    // When a user signs in (or their profile changes) their language wins.
    effect(() => {
      const user = this.auth.user();
      if (user && isLanguage(user.language)) {
        untracked(() => void this.apply(user.language));
      }
    });
  }

  /** Picks the start-up language: the signed-in user's, else the stored one, else Indonesian. */
  async init(): Promise<void> {
    const user = this.auth.user();
    const lang = user && isLanguage(user.language) ? user.language : this.stored();
    await this.apply(lang);
  }

  /** Switches the language; for a signed-in user it is saved on the server. */
  change(lang: Language): Observable<Language> {
    this.store(lang);
    if (!this.auth.isAuthenticated()) {
      void this.apply(lang);
      return of(lang);
    }
    return this.meApi.update({ language: lang }).pipe(
      tap((user) => this.auth.setUser(user)),
      tap(() => void this.apply(lang)),
      map(() => lang),
    );
  }

  private async apply(lang: Language): Promise<void> {
    this.lang.set(lang);
    this.document.documentElement.lang = lang;
    this.store(lang);
    await firstValueFrom(this.translate.use(lang));
  }

  private stored(): Language {
    try {
      const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(value) ? value : DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE;
    }
  }

  private store(lang: Language): void {
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      // Storage may be disabled (private mode); the choice then lasts for this page only.
    }
  }
}
