import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { BankDetail, QuestionDetail } from '@siantar/contracts';
import { setUpTrainerTest } from '../../authoring-api/trainer.testing';
import { QuestionEditorComponent } from './question-editor.component';

const BANK: BankDetail = {
  id: 'b1',
  name: 'Bank Pelayanan',
  courseId: 'c1',
  questionCount: 1,
  createdAt: '',
  canEdit: true,
  categories: [
    { id: 'k1', name: 'Umum', parentId: null, path: 'Umum', questionCount: 1 },
    { id: 'k2', name: 'KTP', parentId: 'k1', path: 'Umum/KTP', questionCount: 0 },
  ],
};

const QUESTION: QuestionDetail = {
  id: 'q1',
  bankId: 'b1',
  categoryId: 'k2',
  type: 'true-false',
  name: 'NIK',
  version: 2,
  versionId: 'v2',
  tags: ['ktp'],
  updatedAt: '',
  draft: {
    name: 'NIK',
    text: 'NIK terdiri dari 16 digit.',
    format: 'html',
    defaultMark: 1,
    body: { type: 'true-false', correct: true },
  },
  versions: [
    { number: 1, versionId: 'v1', createdAt: '2026-11-01T00:00:00.000Z', usedInAttempts: 12 },
    { number: 2, versionId: 'v2', createdAt: '2026-11-20T00:00:00.000Z', usedInAttempts: 0 },
  ],
};

describe('QuestionEditorComponent', () => {
  let fixture: ComponentFixture<QuestionEditorComponent>;
  let backend: HttpTestingController;
  let el: HTMLElement;
  let navigate: jest.SpyInstance;

  async function open(inputs: Record<string, string>): Promise<void> {
    setUpTrainerTest({
      assessment: {
        editor: {
          version: 'Versi {{n}}',
          errors: { nameRequired: 'Nama soal wajib diisi.', needFullAnswer: 'Perlu jawaban 100%.' },
        },
      },
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(QuestionEditorComponent);
    for (const [k, v] of Object.entries(inputs)) {
      fixture.componentRef.setInput(k, v);
    }
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/question-banks/b1').flush(BANK);
    if (inputs['questionId']) {
      backend.expectOne('/api/v1/questions/q1').flush(QUESTION);
    }
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  async function type(selector: string, value: string, index = 0): Promise<void> {
    const input = el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(selector)[index];
    expect(input).toBeDefined();
    if (input) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
  }

  async function save(): Promise<void> {
    el.querySelector<HTMLButtonElement>('[data-testid=question-save]')?.click();
    await fixture.whenStable();
  }

  it('creates a short-answer question in the requested category', async () => {
    await open({ bankId: 'b1', jenis: 'short-answer', kategori: 'k2' });
    await save();
    expect(el.querySelector('[data-testid=question-issues]')?.textContent).toContain(
      'Nama soal wajib diisi.',
    );
    backend.expectNone('/api/v1/question-banks/b1/questions');

    await type('[data-testid=question-name]', 'Singkatan ASN');
    await type('[data-testid=question-text]', 'Kepanjangan ASN?');
    await type('[data-testid=text-answer]', 'Aparatur Sipil Negara');
    await save();
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/question-banks/b1/questions' });
    expect(req.request.body).toEqual({
      categoryId: 'k2',
      tags: [],
      draft: {
        name: 'Singkatan ASN',
        text: 'Kepanjangan ASN?',
        format: 'html',
        defaultMark: 1,
        body: {
          type: 'short-answer',
          caseSensitive: false,
          answers: [{ text: 'Aparatur Sipil Negara', fraction: 1 }],
        },
      },
    });
    req.flush({ ...QUESTION, id: 'q9', version: 1 });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/penilaian/bank-soal', 'b1', 'soal', 'q9'], {
      replaceUrl: true,
    });
  });

  it('edits a stored question with PUT and shows its version', async () => {
    await open({ bankId: 'b1', questionId: 'q1' });
    expect(el.querySelector('[data-testid=question-version]')?.textContent).toContain('Versi 2');
    expect(el.querySelector<HTMLInputElement>('[data-testid=question-name]')?.value).toBe('NIK');
    await type('[data-testid=question-text]', 'NIK terdiri dari 16 angka.');
    await save();
    const req = backend.expectOne({ method: 'PUT', url: '/api/v1/questions/q1' });
    expect(req.request.body).toEqual({
      categoryId: 'k2',
      tags: ['ktp'],
      draft: {
        name: 'NIK',
        text: 'NIK terdiri dari 16 angka.',
        format: 'html',
        defaultMark: 1,
        tags: ['ktp'],
        body: { type: 'true-false', correct: true },
      },
    });
    req.flush({ ...QUESTION, version: 3 });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=question-version]')?.textContent).toContain('Versi 3');
  });
});
