import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { ImportPreviewResponse, ImportResult } from '@siantar/contracts';
import { setUpTrainerTest } from '../authoring-api/trainer.testing';
import { ImportPreviewComponent, previewAnswers } from './import-preview.component';
import { QuestionImportComponent } from './question-import.component';

const draft = {
  name: '',
  text: '',
  format: 'moodle',
  defaultMark: 1,
  body: { type: 'description' },
} as const;

const PREVIEW: ImportPreviewResponse = {
  questions: [
    {
      line: 3,
      type: 'single-choice',
      name: 'Ibu kota',
      text: 'Ibu kota Sumatera Utara?',
      format: 'moodle',
      defaultMark: 1,
      category: 'Geografi/Sumut',
      answers: [
        { text: 'Medan', fraction: 1 },
        { text: 'Binjai', fraction: -0.3333333 },
      ],
      draft,
    },
    {
      line: 9,
      type: 'true-false',
      name: 'NIK',
      text: 'NIK 16 digit.',
      format: 'moodle',
      defaultMark: 1,
      correct: true,
      draft,
    },
    {
      line: 12,
      type: 'numerical',
      name: 'Pi',
      text: 'Nilai pi?',
      format: 'moodle',
      defaultMark: 1,
      answers: [
        { text: '', fraction: 1, value: 3.14, tolerance: 0.01 },
        { text: '', fraction: 0.5, min: 3, max: 4 },
      ],
      draft,
    },
    {
      line: 15,
      type: 'matching',
      name: 'Dinas',
      text: 'Jodohkan.',
      format: 'moodle',
      defaultMark: 1,
      pairs: [{ prompt: 'KTP', answer: 'Disdukcapil' }],
      distractors: ['Dinkes'],
      draft,
    },
  ],
  errors: [
    { line: 20, message: 'kurung kurawal tidak ditutup' },
    { line: 7, message: 'jawaban benar tidak ada' },
  ],
};

const TRANSLATIONS = {
  common: { none: '—' },
  assessment: {
    type: {
      'single-choice': 'Pilihan ganda',
      'true-false': 'Benar/Salah',
      numerical: 'Numerik',
      matching: 'Menjodohkan',
    },
    import: {
      line: 'Baris {{line}}:',
      previewSummary: '{{count}} soal siap diimpor, {{errors}} kesalahan.',
      confirm: 'Impor {{count}} soal',
      resultSummary:
        '{{imported}} soal diimpor, {{categories}} kategori baru dibuat, {{errors}} dilewati.',
      tf: { true: 'Benar', false: 'Salah' },
    },
  },
};

/** The row at an index, failing the test when it is missing (no non-null assertions). */
function at<T>(rows: readonly T[], index: number): T {
  const row = rows[index];
  if (row === undefined) {
    throw new Error(`no row ${index}`);
  }
  return row;
}

describe('previewAnswers', () => {
  it('shows fractions as percentages and the type-specific answers', () => {
    const [choice, tf, num, match] = [0, 1, 2, 3].map((i) => at(PREVIEW.questions, i));
    expect(previewAnswers(choice)).toEqual([
      { text: 'Medan', percent: 100, correct: true },
      { text: 'Binjai', percent: -33.33333, correct: false },
    ]);
    expect(previewAnswers(tf)).toEqual([{ text: 'true', percent: 100, correct: true }]);
    expect(previewAnswers(num).map((a) => a.text)).toEqual(['3.14 ± 0.01', '3 … 4']);
    expect(previewAnswers(match)).toEqual([
      { text: 'KTP → Disdukcapil', percent: null, correct: true },
      { text: '✗ Dinkes', percent: null, correct: false },
    ]);
  });
});

describe('ImportPreviewComponent', () => {
  let fixture: ComponentFixture<ImportPreviewComponent>;
  let el: HTMLElement;

  beforeEach(async () => {
    setUpTrainerTest(TRANSLATIONS);
    fixture = TestBed.createComponent(ImportPreviewComponent);
    fixture.componentRef.setInput('preview', PREVIEW);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('lists the errors by line number first, then a row per question', () => {
    expect(el.querySelector('[data-testid=import-preview-summary]')?.textContent).toContain(
      '4 soal siap diimpor, 2 kesalahan.',
    );
    const errors = Array.from(el.querySelectorAll('[data-testid=import-error]')).map((e) =>
      e.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(errors).toEqual([
      'Baris 7: jawaban benar tidak ada',
      'Baris 20: kurung kurawal tidak ditutup',
    ]);

    const rows = el.querySelectorAll('[data-testid=import-preview-row]');
    expect(rows).toHaveLength(4);
    const first = rows[0]?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(first).toContain('3');
    expect(first).toContain('Pilihan ganda');
    expect(first).toContain('Ibu kota');
    expect(first).toContain('Geografi/Sumut');
    expect(first).toContain('Medan (100%)');
    expect(first).toMatch(/Binjai \(-33[.,]33333%\)/);
    expect(rows[1]?.textContent).toContain('Benar');
  });

  it('shows no error block when the text is clean', async () => {
    fixture.componentRef.setInput('preview', { ...PREVIEW, errors: [] });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=import-errors]')).toBeNull();
  });
});

describe('QuestionImportComponent', () => {
  let fixture: ComponentFixture<QuestionImportComponent>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    setUpTrainerTest(TRANSLATIONS);
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(QuestionImportComponent);
    fixture.componentRef.setInput('bankId', 'b1');
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/question-banks/b1').flush({
      id: 'b1',
      name: 'Bank Pelayanan',
      courseId: null,
      questionCount: 0,
      createdAt: '',
      canEdit: true,
      categories: [{ id: 'k1', name: 'Umum', parentId: null, path: 'Umum', questionCount: 0 }],
    });
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const button = (id: string): HTMLButtonElement | null =>
    el.querySelector<HTMLButtonElement>(`[data-testid=${id}]`);

  it('previews the pasted text, then imports the good questions', async () => {
    expect(button('import-preview')?.disabled).toBe(true);
    expect(button('import-confirm')?.disabled).toBe(true);
    const textarea = el.querySelector<HTMLTextAreaElement>('[data-testid=import-text]');
    const gift = '::Ibu kota:: Ibu kota Sumatera Utara? {=Medan ~%-33.33333%Binjai}';
    if (textarea) {
      textarea.value = gift;
      textarea.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();

    button('import-preview')?.click();
    await fixture.whenStable();
    expect(el.querySelector('[role=status] mat-progress-bar')).not.toBeNull();
    const preview = backend.expectOne({ method: 'POST', url: '/api/v1/question-import/preview' });
    expect(preview.request.body).toEqual({ format: 'gift', text: gift });
    preview.flush(PREVIEW);
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid=import-preview-row]')).toHaveLength(4);
    expect(button('import-confirm')?.textContent).toContain('Impor 4 soal');
    expect(button('import-confirm')?.disabled).toBe(false);

    button('import-confirm')?.click();
    await fixture.whenStable();
    const confirm = backend.expectOne({ method: 'POST', url: '/api/v1/question-banks/b1/import' });
    expect(confirm.request.body).toEqual({ format: 'gift', text: gift });
    const result: ImportResult = { imported: 4, errors: PREVIEW.errors, categoriesCreated: 1 };
    confirm.flush(result);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=import-result]')?.textContent).toContain(
      '4 soal diimpor, 1 kategori baru dibuat, 2 dilewati.',
    );
  });

  it('asks for a new preview when the text changes', async () => {
    const textarea = el.querySelector<HTMLTextAreaElement>('[data-testid=import-text]');
    if (textarea) {
      textarea.value = 'Soal?\nA. Ya\nB. Tidak\nANSWER: A';
      textarea.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
    button('import-preview')?.click();
    backend.expectOne('/api/v1/question-import/preview').flush(PREVIEW);
    await fixture.whenStable();
    expect(button('import-confirm')?.disabled).toBe(false);
    if (textarea) {
      textarea.value = 'diubah';
      textarea.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
    expect(button('import-confirm')?.disabled).toBe(true);
    expect(el.querySelector('[data-testid=import-preview-table]')).toBeNull();
  });
});
