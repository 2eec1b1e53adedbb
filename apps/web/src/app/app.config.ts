import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import localeId from '@angular/common/locales/id';
import {
  type ApplicationConfig,
  LOCALE_ID,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import {
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';
import { provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';
import {
  AuthService,
  DEFAULT_LANGUAGE,
  HttpTranslateLoader,
  I18N_AREAS,
  LanguageService,
  TranslatedTitleStrategy,
  authInterceptor,
  provideAppIcons,
} from '@siantar/web-core';
import { appRoutes } from './app.routes';

/** Restores the session from the refresh cookie, then loads the right language, before the first render. */
export async function initializeApp(): Promise<void> {
  const auth = inject(AuthService);
  const language = inject(LanguageService);
  await auth.restoreSession();
  await language.init();
}

// Dates and numbers follow Indonesian conventions (28 Nov 2026, 1.234,5) in both UI languages.
registerLocaleData(localeId);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    { provide: LOCALE_ID, useValue: 'id' },
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top', anchorScrolling: 'enabled' }),
    ),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    // XHR backend (not fetch): the CSV import needs upload progress events.
    provideHttpClient(withInterceptors([authInterceptor])),
    provideTranslateService({
      loader: provideTranslateLoader(HttpTranslateLoader),
      fallbackLang: DEFAULT_LANGUAGE,
    }),
    {
      provide: I18N_AREAS,
      useValue: [
        'catalog',
        'learning',
        'quiz',
        'assessment',
        'progress',
        'live',
        'notify',
        'simulation',
        'evaluation',
        'certificates',
      ],
    },
    provideAppIcons(),
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline', subscriptSizing: 'dynamic' },
    },
    provideAppInitializer(initializeApp),
  ],
};
