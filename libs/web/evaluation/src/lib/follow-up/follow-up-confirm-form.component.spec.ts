import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { FollowUpView } from '@siantar/contracts';
import { followUp, problem, setUpEvaluationTest, text } from '../testing/fixtures';
import { FollowUpConfirmFormComponent } from './follow-up-confirm-form.component';

const URL = '/api/v1/follow-ups/f1/confirm';

describe('FollowUpConfirmFormComponent', () => {
  let fixture: ComponentFixture<FollowUpConfirmFormComponent>;
  let http: HttpTestingController;
  let confirmed: FollowUpView[];

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const question = (q: string): HTMLElement =>
    root().querySelector<HTMLElement>(`[data-question="${q}"]`) as HTMLElement;
  const pick = async (q: string, score: number): Promise<void> => {
    question(q).querySelector<HTMLInputElement>(`[data-score="${score}"] input`)?.click();
    await fixture.whenStable();
  };
  const submit = async (): Promise<void> => {
    root().querySelector<HTMLButtonElement>('[data-testid=confirm-submit]')?.click();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    http = setUpEvaluationTest();
    fixture = TestBed.createComponent(FollowUpConfirmFormComponent);
    fixture.componentRef.setInput('followUp', followUp({ canReport: false, canConfirm: true }));
    confirmed = [];
    fixture.componentInstance.confirmed.subscribe((v) => confirmed.push(v));
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/evaluation\./);
  });

  it('asks the four questions about the alumnus, each a labelled 1–5 group', () => {
    const groups = Array.from(root().querySelectorAll<HTMLElement>('[role=group]'));
    expect(
      groups.map((g) => text(document.getElementById(g.getAttribute('aria-labelledby') ?? ''))),
    ).toEqual([
      'Rina Marpaung menerapkan apa yang dipelajari dalam pekerjaannya. *',
      'Rina Marpaung melaksanakan rencana tindak lanjut (RTL) sesuai rencana. *',
      'Kinerja Rina Marpaung membaik sejak mengikuti pelatihan. *',
      'Rina Marpaung membagikan apa yang dipelajari kepada rekan kerja. *',
    ]);
    expect(groups[0]?.querySelectorAll('input[type=radio]')).toHaveLength(5);
  });

  it('needs every question answered, then sends the scores and the comment', async () => {
    await pick('applies', 4);
    await submit();
    expect(root().querySelectorAll('[data-testid=question-error]')).toHaveLength(3);
    http.expectNone(URL);

    await pick('action-plan', 3);
    await pick('performance', 5);
    await pick('shares', 2);
    const comment = root().querySelector('textarea') as HTMLTextAreaElement;
    comment.value = 'Sudah diterapkan di loket.';
    comment.dispatchEvent(new Event('input'));
    await submit();
    expect(root().querySelectorAll('[data-testid=question-error]')).toHaveLength(0);
    const req = http.expectOne(URL);
    expect(req.request.body).toEqual({
      answers: [
        { question: 'applies', score: 4 },
        { question: 'action-plan', score: 3 },
        { question: 'performance', score: 5 },
        { question: 'shares', score: 2 },
      ],
      comment: 'Sudah diterapkan di loket.',
    });
    const done = followUp({ status: 'done', canConfirm: false });
    req.flush(done);
    await fixture.whenStable();
    expect(confirmed).toEqual([done]);
  });

  it('shows why the API refused (no longer the supervisor)', async () => {
    for (const q of ['applies', 'action-plan', 'performance', 'shares']) {
      await pick(q, 4);
    }
    await submit();
    http.expectOne(URL).flush(problem(403, 'Anda bukan lagi atasan langsung Rina Marpaung.'), {
      status: 403,
      statusText: 'Forbidden',
    });
    await fixture.whenStable();
    expect(text(root().querySelector('sb-problem-alert'))).toContain(
      'Anda bukan lagi atasan langsung Rina Marpaung.',
    );
    expect(confirmed).toEqual([]);
  });
});
