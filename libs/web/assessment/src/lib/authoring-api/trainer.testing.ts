import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  TranslateService,
  type TranslationObject,
  provideTranslateService,
} from '@ngx-translate/core';
import { provideAppIcons } from '@siantar/web-core';
import { provideAssessmentTrainerIcons } from './assessment-icons';

/**
 * Test-only (specs import it): TestBed for a trainer screen, with test HTTP, the router, the
 * icons, and Indonesian `translations` where the test reads real text (keys otherwise).
 */
export function setUpTrainerTest(translations?: TranslationObject): void {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideTranslateService({ fallbackLang: 'id' }),
      provideAppIcons(),
      provideAssessmentTrainerIcons(),
    ],
  });
  if (translations) {
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', translations);
    translate.use('id');
  }
}
