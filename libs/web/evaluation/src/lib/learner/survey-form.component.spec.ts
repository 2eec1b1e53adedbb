import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { SurveyForm } from '@siantar/contracts';
import {
  ITEM,
  problem,
  setUpEvaluationTest,
  surveyForm,
  text,
  validationProblem,
} from '../testing/fixtures';
import { SurveyFormComponent, groupSurveyItems } from './survey-form.component';

const COURSE_URL = '/api/v1/enrolments/e1/survey';
const SESSION_URL = '/api/v1/live-sessions/s1/survey';

describe('groupSurveyItems', () => {
  it('groups Likert items under their dimension, then the open questions', () => {
    const { groups, open } = groupSurveyItems(surveyForm().items);
    expect(groups.map((g) => [g.dimension, g.items.length])).toEqual([
      ['content', 1],
      ['trainer', 2],
    ]);
    expect(open.map((i) => i.id)).toEqual([ITEM.comment]);
  });
});

describe('SurveyFormComponent', () => {
  let fixture: ComponentFixture<SurveyFormComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null =>
    root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const item = (id: string): HTMLElement =>
    root().querySelector<HTMLElement>(`[data-item="${id}"]`) as HTMLElement;
  const pick = async (id: string, score: number): Promise<void> => {
    item(id).querySelector<HTMLInputElement>(`[data-score="${score}"] input`)?.click();
    await fixture.whenStable();
  };
  const submit = async (): Promise<void> => {
    byTestId('survey-submit')?.click();
    await fixture.whenStable();
  };

  async function render(
    form: SurveyForm = surveyForm(),
    input: { enrolmentId?: string; sessionId?: string } = { enrolmentId: 'e1' },
  ): Promise<void> {
    http = setUpEvaluationTest();
    fixture = TestBed.createComponent(SurveyFormComponent);
    for (const [k, v] of Object.entries(input)) {
      fixture.componentRef.setInput(k, v);
    }
    await fixture.whenStable();
    http.expectOne(input.enrolmentId ? COURSE_URL : SESSION_URL).flush(form);
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/evaluation\./);
  });

  it('shows the course, the required marker, the dimension headings and five labelled choices per item', async () => {
    await render();
    expect(text(byTestId('survey-target'))).toBe('Pelayanan Prima Adminduk');
    expect(text(byTestId('survey-required'))).toContain(
      'wajib diisi untuk menyelesaikan pelatihan',
    );
    expect(text(byTestId('survey-anonymity'))).toBe('Jawaban Anda anonim bagi pengajar.');
    expect(Array.from(root().querySelectorAll('form h2')).map(text)).toEqual([
      'Materi',
      'Pengajar/fasilitator',
      'Komentar dan saran',
    ]);
    const first = item(ITEM.content);
    expect(first.getAttribute('role')).toBe('group');
    expect(text(first.querySelector('.sbe-question'))).toMatch(
      /^Materi mudah dipahami\. \*\s?wajib$/,
    );
    const radios = Array.from(first.querySelectorAll('input[type=radio]'));
    expect(radios).toHaveLength(5);
    expect(radios.map((r) => r.getAttribute('aria-label'))).toEqual([
      '1 — Sangat tidak setuju',
      '2 — Tidak setuju',
      '3 — Netral',
      '4 — Setuju',
      '5 — Sangat setuju',
    ]);
    // The optional item carries no marker.
    expect(text(item(ITEM.trainer2).querySelector('.sbe-question'))).toBe(
      'Pengajar menjawab pertanyaan.',
    );
  });

  it('says which required items are missing and sends nothing', async () => {
    await render();
    await pick(ITEM.content, 4);
    await submit();
    expect(text(byTestId('survey-missing'))).toBe('Masih ada 1 butir wajib yang belum dijawab.');
    expect(text(item(ITEM.trainer).querySelector('[data-testid=item-error]'))).toBe(
      'Pilih salah satu jawaban.',
    );
    expect(item(ITEM.content).querySelector('[data-testid=item-error]')).toBeNull();
    http.expectNone(COURSE_URL);
  });

  it('sends the scores and the comment, then shows the sent answers', async () => {
    await render();
    await pick(ITEM.content, 4);
    await pick(ITEM.trainer, 5);
    const comment = item(ITEM.comment).querySelector('textarea') as HTMLTextAreaElement;
    comment.value = '  Tambah praktik.  ';
    comment.dispatchEvent(new Event('input'));
    await submit();
    const req = http.expectOne(COURSE_URL);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      answers: [
        { itemId: ITEM.content, score: 4 },
        { itemId: ITEM.trainer, score: 5 },
        { itemId: ITEM.comment, text: 'Tambah praktik.' },
      ],
    });
    req.flush(
      surveyForm({
        submitted: true,
        submittedAt: '2026-11-20T03:00:00.000Z',
        answers: [
          { itemId: ITEM.content, score: 4, text: null },
          { itemId: ITEM.trainer, score: 5, text: null },
          { itemId: ITEM.comment, score: null, text: 'Tambah praktik.' },
        ],
      }),
    );
    await fixture.whenStable();
    expect(byTestId('survey-form')).toBeNull();
    expect(text(byTestId('survey-submitted'))).toContain(
      'Terima kasih, survei Anda sudah terkirim.',
    );
    const answers = Array.from(byTestId('survey-answers')?.querySelectorAll('dd') ?? []).map(text);
    expect(answers).toEqual(['4 — Setuju', '5 — Sangat setuju', 'Tambah praktik.']);
  });

  it("puts the API's refusals at their item and keeps the answers", async () => {
    await render();
    await pick(ITEM.content, 4);
    await pick(ITEM.trainer, 5);
    await submit();
    http
      .expectOne(COURSE_URL)
      .flush(validationProblem([{ path: 'answers.1.score', message: 'butir ini sudah dihapus' }]), {
        status: 400,
        statusText: 'Bad Request',
      });
    await fixture.whenStable();
    expect(text(item(ITEM.trainer).querySelector('[data-testid=item-error]'))).toBe(
      'butir ini sudah dihapus',
    );
    expect(item(ITEM.trainer).querySelector('mat-radio-group')?.getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(root().textContent).toContain('Permintaan tidak valid.');
    expect(byTestId('survey-form')).not.toBeNull();
  });

  it('loads a live session survey and reloads when it was sent already', async () => {
    await render(
      surveyForm({
        target: { kind: 'live-session', id: 's1', title: 'Webinar Sosialisasi IKD' },
        enrolmentId: null,
        requiredForCompletion: false,
        items: [surveyForm().items[0]],
      }),
      { sessionId: 's1' },
    );
    expect(byTestId('survey-required')).toBeNull();
    expect(byTestId('survey-back')?.getAttribute('href')).toBe('/live');
    await pick(ITEM.content, 3);
    await submit();
    http
      .expectOne(SESSION_URL)
      .flush(problem(409, 'Survei sudah dikirim.'), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(root().textContent).toContain('Survei sudah dikirim.');
    http.expectOne(SESSION_URL).flush(
      surveyForm({
        target: { kind: 'live-session', id: 's1', title: 'Webinar Sosialisasi IKD' },
        submitted: true,
        submittedAt: '2026-11-20T03:00:00.000Z',
        answers: [],
      }),
    );
    await fixture.whenStable();
    expect(byTestId('survey-submitted')).not.toBeNull();
  });
});
