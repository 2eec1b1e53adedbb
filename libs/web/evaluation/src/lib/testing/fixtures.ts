// Test-only (specs import it): the app's real evaluation strings and API answers as the API sends them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import localeId from '@angular/common/locales/id';
import { LOCALE_ID } from '@angular/core';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { FollowUpView, ProblemDetails, SurveyForm, SurveyResults } from '@siantar/contracts';
import { provideAppIcons } from '@siantar/web-core';

/** The app's real strings of the evaluation area (apps/web/public/i18n/evaluation). */
export function evaluationStrings(lang: 'id' | 'en' = 'id'): Record<string, unknown> {
  const file = join(__dirname, '../../../../../../apps/web/public/i18n/evaluation', `${lang}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** TestBed with HTTP testing, a router, icons, the Indonesian locale (as the app) and strings; returns the HTTP controller. */
export function setUpEvaluationTest(): HttpTestingController {
  registerLocaleData(localeId);
  TestBed.configureTestingModule({
    providers: [
      { provide: LOCALE_ID, useValue: 'id' },
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideTranslateService({ fallbackLang: 'id' }),
      provideAppIcons(),
    ],
  });
  const translate = TestBed.inject(TranslateService);
  translate.setTranslation('id', {
    ...evaluationStrings('id'),
    common: {
      loading: 'Memuat…',
      save: 'Simpan',
      cancel: 'Batal',
      close: 'Tutup',
      none: '—',
      actions: 'Tindakan',
    },
    validation: {
      required: 'Wajib diisi.',
      minLength: 'Minimal {{min}} karakter.',
      maxLength: 'Maksimal {{max}} karakter.',
    },
  });
  translate.use('id');
  return TestBed.inject(HttpTestingController);
}

/** Text of an element with its whitespace collapsed. */
export const text = (el: Element | null | undefined): string =>
  el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A 400 validation problem with field errors. */
export function validationProblem(errors: { path: string; message: string }[]): ProblemDetails {
  return {
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'Permintaan tidak valid.',
    code: 'validation',
    errors,
  };
}

export const problem = (status: number, detail: string, code = 'x'): ProblemDetails => ({
  type: 'about:blank',
  title: '',
  status,
  detail,
  code,
});

export const ITEM = {
  content: '11111111-1111-4111-8111-111111111111',
  trainer: '22222222-2222-4222-8222-222222222222',
  trainer2: '33333333-3333-4333-8333-333333333333',
  comment: '44444444-4444-4444-8444-444444444444',
};

export function surveyForm(overrides: Partial<SurveyForm> = {}): SurveyForm {
  return {
    target: { kind: 'course', id: 'c1', title: 'Pelayanan Prima Adminduk' },
    enrolmentId: 'e1',
    templateName: 'Survei bawaan',
    description: 'Penilaian Anda membantu kami memperbaiki pelatihan.',
    items: [
      {
        id: ITEM.content,
        kind: 'likert',
        dimension: 'content',
        text: 'Materi mudah dipahami.',
        required: true,
      },
      {
        id: ITEM.trainer,
        kind: 'likert',
        dimension: 'trainer',
        text: 'Pengajar menguasai materi.',
        required: true,
      },
      {
        id: ITEM.trainer2,
        kind: 'likert',
        dimension: 'trainer',
        text: 'Pengajar menjawab pertanyaan.',
        required: false,
      },
      {
        id: ITEM.comment,
        kind: 'text',
        dimension: null,
        text: 'Saran untuk pelatihan ini',
        required: false,
      },
    ],
    requiredForCompletion: true,
    submitted: false,
    submittedAt: null,
    answers: null,
    anonymityNote: 'Jawaban Anda anonim bagi pengajar.',
    ...overrides,
  };
}

export function followUp(overrides: Partial<FollowUpView> = {}): FollowUpView {
  return {
    id: 'f1',
    enrolmentId: 'e1',
    courseId: 'c1',
    courseTitle: 'Pelayanan Prima Adminduk',
    offsetDays: 30,
    courseEndedAt: '2026-10-01T03:00:00.000Z',
    dueAt: '2026-10-31T01:00:00.000Z',
    answerBy: '2026-11-07T01:00:00.000Z',
    status: 'pending',
    alumnus: {
      userId: 'u1',
      name: 'Rina Marpaung',
      nip: '198703122010012001',
      orgUnitId: 'o1',
      orgUnitName: 'Disdukcapil',
    },
    supervisor: { userId: 'u2', name: 'Dedi Simanjuntak', nip: null },
    actionPlan: [
      {
        id: 'a1',
        action: 'Menerapkan antrean daring di loket KTP',
        dueDate: '2026-11-15',
        measure: 'Waktu tunggu 15 menit',
      },
      {
        id: 'a2',
        action: 'Melatih dua rekan memakai aplikasi',
        dueDate: '2026-12-01',
        measure: 'Dua rekan mampu melayani',
      },
    ],
    report: null,
    confirmation: null,
    canReport: true,
    canConfirm: false,
    ...overrides,
  };
}

export function surveyResults(overrides: Partial<SurveyResults> = {}): SurveyResults {
  return {
    target: { kind: 'course', id: 'c1', title: 'Pelayanan Prima Adminduk' },
    from: null,
    to: null,
    templateName: 'Survei bawaan',
    threshold: 5,
    responses: 8,
    suppressed: false,
    needed: 0,
    overall: { answers: 16, average: 4.25, distribution: [0, 1, 2, 5, 8] },
    dimensions: [
      {
        dimension: 'content',
        label: 'Materi',
        answers: 8,
        average: 4.5,
        distribution: [0, 0, 1, 2, 5],
      },
      {
        dimension: 'trainer',
        label: 'Pengajar/fasilitator',
        answers: 8,
        average: 4,
        distribution: [0, 1, 1, 3, 3],
      },
    ],
    items: [
      {
        itemId: ITEM.content,
        text: 'Materi mudah dipahami.',
        dimension: 'content',
        retired: false,
        answers: 8,
        average: 4.5,
        distribution: [0, 0, 1, 2, 5],
      },
      {
        itemId: ITEM.trainer,
        text: 'Pengajar menguasai materi.',
        dimension: 'trainer',
        retired: true,
        answers: 8,
        average: 4,
        distribution: [0, 1, 1, 3, 3],
      },
    ],
    comments: [
      {
        itemId: ITEM.comment,
        question: 'Saran untuk pelatihan ini',
        comments: ['Tambah praktik.', 'Waktunya kurang.'],
      },
    ],
    individual: null,
    individualVisible: false,
    ...overrides,
  };
}

/** Opens a mat-select and clicks the option with this label (in the select's own panel). */
export async function chooseOption(
  select: HTMLElement,
  label: string,
  settle: () => Promise<unknown>,
): Promise<void> {
  select.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
  await settle();
  const panel = document.getElementById(select.getAttribute('aria-controls') ?? '');
  const option = Array.from(panel?.querySelectorAll<HTMLElement>('mat-option') ?? []).find(
    (o) => text(o) === label,
  );
  if (!option) {
    throw new Error(`No option "${label}"`);
  }
  option.click();
  await settle();
}
