import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { GradingItemDetail } from '@siantar/contracts';
import { setUpTrainerTest } from '../authoring-api/trainer.testing';
import { GradingItemComponent } from './grading-item.component';

const ITEM: GradingItemDetail = {
  attemptId: 'a1',
  slot: 3,
  quizId: 'z1',
  quizTitle: 'Post-test Pelayanan',
  questionName: 'Esai standar pelayanan',
  learnerLabel: 'Peserta 7',
  submittedAt: '2026-11-28T03:00:00.000Z',
  maxMark: 5,
  html: '<p>Jelaskan standar pelayanan.</p>',
  answerText: 'Standar pelayanan memuat persyaratan, prosedur, dan waktu.',
  rubricScores: null,
  rubric: [
    {
      id: 'isi',
      name: 'Isi',
      levels: [
        { points: 0, description: 'Tidak ada' },
        { points: 2, description: 'Sebagian' },
        { points: 4, description: 'Lengkap' },
      ],
    },
    {
      id: 'bahasa',
      name: 'Bahasa',
      levels: [
        { points: 0, description: 'Kurang' },
        { points: 1, description: 'Baik' },
      ],
    },
  ],
  mark: null,
  comment: null,
};

describe('GradingItemComponent', () => {
  let fixture: ComponentFixture<GradingItemComponent>;
  let backend: HttpTestingController;
  let el: HTMLElement;
  let navigate: jest.SpyInstance;

  async function open(item: GradingItemDetail, kuis?: string): Promise<void> {
    setUpTrainerTest({
      assessment: {
        grading: {
          rubricTotal: 'Poin rubrik {{points}} dari {{max}}',
          markOf: 'nilai {{mark}} dari {{max}}',
          rubricIncomplete: 'Pilih satu tingkat untuk setiap kriteria.',
          markRange: 'Isi nilai antara 0 dan {{max}}.',
        },
      },
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(GradingItemComponent);
    fixture.componentRef.setInput('attemptId', item.attemptId);
    fixture.componentRef.setInput('slot', String(item.slot));
    if (kuis) {
      fixture.componentRef.setInput('kuis', kuis);
    }
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne({ method: 'GET', url: '/api/v1/attempts/a1/slots/3/grading' }).flush(item);
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const radios = (): HTMLInputElement[] =>
    Array.from(
      el.querySelectorAll<HTMLInputElement>('[data-testid=rubric-level] input[type=radio]'),
    );

  async function clickLevel(index: number): Promise<void> {
    radios()[index]?.click();
    await fixture.whenStable();
  }

  it('shows the anonymised learner, the answer and one radio group per criterion', async () => {
    await open(ITEM);
    expect(el.querySelector('[data-testid=grading-learner]')?.textContent).toContain('Peserta 7');
    expect(el.querySelector('[data-testid=grading-answer]')?.textContent).toContain('persyaratan');
    expect(el.querySelectorAll('[data-testid=rubric-criterion]')).toHaveLength(2);
    expect(radios()).toHaveLength(5);
    expect(el.querySelector('[data-testid=mark-input]')).toBeNull();
  });

  it('computes the mark from the rubric, saves the scores, then opens the next essay', async () => {
    await open(ITEM, 'z1');
    el.querySelector<HTMLButtonElement>('[data-testid=save-grade]')?.click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=grade-error]')?.textContent).toContain(
      'Pilih satu tingkat',
    );
    backend.expectNone('/api/v1/attempts/a1/slots/3/grade');

    await clickLevel(1); // Isi: 2 points
    await clickLevel(4); // Bahasa: 1 point
    expect(el.querySelector('[data-testid=rubric-mark]')?.textContent).toContain(
      'Poin rubrik 3 dari 5',
    );
    expect(el.querySelector('[data-testid=rubric-mark]')?.textContent).toContain('nilai 3 dari 5');

    const comment = el.querySelector<HTMLTextAreaElement>('[data-testid=grade-comment]');
    if (comment) {
      comment.value = '  Lengkapi contoh.  ';
      comment.dispatchEvent(new Event('input'));
    }
    // Ctrl+Enter saves from anywhere in the screen.
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await fixture.whenStable();
    const put = backend.expectOne({ method: 'PUT', url: '/api/v1/attempts/a1/slots/3/grade' });
    expect(put.request.body).toEqual({
      rubric: [
        { criterionId: 'isi', points: 2 },
        { criterionId: 'bahasa', points: 1 },
      ],
      comment: 'Lengkapi contoh.',
    });
    put.flush({ ...ITEM, mark: 3, comment: 'Lengkapi contoh.' });
    await fixture.whenStable();

    const queue = backend.expectOne((r) => r.url === '/api/v1/grading-queue');
    expect(queue.request.params.get('quizId')).toBe('z1');
    queue.flush({
      items: [{ ...ITEM, attemptId: 'a2', slot: 1 }],
      total: 1,
      limit: 50,
      offset: 0,
    });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/penilaian/penilaian-esai', 'a2', 1], {
      queryParams: { kuis: 'z1' },
    });
  });

  it('grades an essay without a rubric with a plain mark within the maximum', async () => {
    await open({ ...ITEM, rubric: [], mark: 2.5, comment: 'Lama' });
    const input = el.querySelector<HTMLInputElement>('[data-testid=mark-input]');
    expect(input).not.toBeNull();
    expect(el.querySelector<HTMLTextAreaElement>('[data-testid=grade-comment]')?.value).toBe(
      'Lama',
    );
    if (input) {
      input.value = '7';
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid=save-grade]')?.click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=grade-error]')?.textContent).toContain(
      'Isi nilai antara 0 dan 5.',
    );
    if (input) {
      input.value = '4.5';
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid=save-grade]')?.click();
    await fixture.whenStable();
    const put = backend.expectOne('/api/v1/attempts/a1/slots/3/grade');
    expect(put.request.body).toEqual({ mark: 4.5, comment: 'Lama' });
    put.flush({ ...ITEM, rubric: [], mark: 4.5 });
    await fixture.whenStable();
    backend
      .expectOne((r) => r.url === '/api/v1/grading-queue')
      .flush({ items: [], total: 0, limit: 50, offset: 0 });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/penilaian/penilaian-esai'], { queryParams: {} });
  });
});
