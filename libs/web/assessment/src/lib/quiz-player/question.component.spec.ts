import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import type {
  AttemptQuestionView,
  LearnerQuestionBody,
  QuestionResponse,
} from '@siantar/contracts';
import { QuizQuestionComponent } from './question.component';

function question(body: LearnerQuestionBody, slot = 3): AttemptQuestionView {
  return {
    slot,
    type: body.type,
    name: 'Q',
    html: '<p>Teks <em>soal</em></p>',
    maxMark: 2,
    body,
    response: null,
    seq: 0,
  };
}

describe('QuizQuestionComponent', () => {
  let fixture: ComponentFixture<QuizQuestionComponent>;
  let el: HTMLElement;
  let answers: QuestionResponse[];

  async function render(
    body: LearnerQuestionBody,
    response: QuestionResponse | null = null,
    disabled = false,
  ): Promise<void> {
    TestBed.configureTestingModule({
      imports: [QuizQuestionComponent],
      providers: [provideTranslateService({ fallbackLang: 'id' })],
    });
    fixture = TestBed.createComponent(QuizQuestionComponent);
    fixture.componentRef.setInput('question', question(body));
    fixture.componentRef.setInput('number', 2);
    fixture.componentRef.setInput('response', response);
    fixture.componentRef.setInput('disabled', disabled);
    fixture.componentRef.setInput('saveState', 'saved');
    answers = [];
    fixture.componentInstance.answer.subscribe((a) => answers.push(a));
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  /** Feeds the emitted answer back, as the attempt screen does. */
  async function echo(): Promise<void> {
    fixture.componentRef.setInput('response', answers[answers.length - 1]);
    await fixture.whenStable();
  }

  it('shows the sanitised text, the number, the mark and the save state', async () => {
    await render({ type: 'short-answer' });
    const section = el.querySelector('[data-testid="question-3"]');
    expect(section?.getAttribute('aria-labelledby')).toBe('sbq-3-h');
    expect(el.querySelector('#sbq-3-t em')?.textContent).toBe('soal');
    expect(el.querySelector('[data-testid="save-state-3"]')?.getAttribute('data-state')).toBe(
      'saved',
    );
    expect(el.querySelector('[role="status"]')).not.toBeNull();
  });

  it('single choice: a labelled radio group that answers with the choice id', async () => {
    await render({
      type: 'single-choice',
      choices: [
        { id: 'c1', text: 'Disdukcapil' },
        { id: 'c2', text: 'Dinas Kesehatan' },
      ],
    });
    const group = el.querySelector('[role="radiogroup"]');
    expect(group?.getAttribute('aria-labelledby')).toBe('sbq-3-t');
    const radios = el.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    expect(radios).toHaveLength(2);
    radios[1].click();
    await fixture.whenStable();
    expect(answers).toEqual([{ type: 'single-choice', choiceId: 'c2' }]);
  });

  it('true/false answers with a boolean', async () => {
    await render({ type: 'true-false' }, { type: 'true-false', value: true });
    const radios = el.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    expect(radios[0].checked).toBe(true);
    radios[1].click();
    await fixture.whenStable();
    expect(answers).toEqual([{ type: 'true-false', value: false }]);
  });

  it('multiple response keeps the shown order of the ticked choices', async () => {
    await render({
      type: 'multiple-response',
      choices: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
        { id: 'c', text: 'C' },
      ],
    });
    const boxes = el.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    boxes[2].click();
    await fixture.whenStable();
    await echo();
    boxes[0].click();
    await fixture.whenStable();
    expect(answers[answers.length - 1]).toEqual({
      type: 'multiple-response',
      choiceIds: ['a', 'c'],
    });
  });

  it('numerical takes text with a decimal comma and flags what is not a number', async () => {
    await render({ type: 'numerical' });
    const input = el.querySelector<HTMLInputElement>('[data-testid="text-answer"]');
    expect(input?.getAttribute('inputmode')).toBe('decimal');
    if (input) {
      input.value = '3,5';
      input.dispatchEvent(new Event('input'));
    }
    await echo();
    expect(answers).toEqual([{ type: 'numerical', text: '3,5' }]);
    expect(el.querySelector('[data-testid="not-a-number"]')).toBeNull();
    if (input) {
      input.value = 'tiga';
      input.dispatchEvent(new Event('input'));
    }
    await echo();
    const warning = el.querySelector('[data-testid="not-a-number"]');
    expect(warning?.textContent).toContain('quiz.question.notANumber');
    // The hint is part of the field's description.
    expect(input?.getAttribute('aria-describedby')).toContain(warning?.id ?? 'missing');
  });

  it('matching: one select per prompt, labelled by the prompt', async () => {
    await render({
      type: 'matching',
      prompts: [
        { id: 'p1', prompt: 'KTP-el' },
        { id: 'p2', prompt: 'Izin usaha' },
      ],
      options: ['Disdukcapil', 'DPMPTSP', 'Dinkes'],
    });
    const select = el.querySelector<HTMLSelectElement>('[data-testid="match-p2"]');
    const label = el.querySelector(`#${select?.getAttribute('aria-labelledby')}`);
    expect(label?.textContent).toBe('Izin usaha');
    if (select) {
      select.value = 'DPMPTSP';
      select.dispatchEvent(new Event('change'));
    }
    await fixture.whenStable();
    expect(answers).toEqual([{ type: 'matching', matches: { p2: 'DPMPTSP' } }]);
  });

  it('ordering: up/down buttons move an item, keep the focus and announce the move', async () => {
    await render({
      type: 'ordering',
      items: [
        { id: 'i1', text: 'Verifikasi berkas' },
        { id: 'i2', text: 'Terima berkas' },
        { id: 'i3', text: 'Cetak KTP' },
      ],
    });
    const down = (id: string) =>
      el.querySelector<HTMLButtonElement>(`[data-move="${id}:down"]`) as HTMLButtonElement;
    const up = (id: string) =>
      el.querySelector<HTMLButtonElement>(`[data-move="${id}:up"]`) as HTMLButtonElement;
    const later = () => new Promise((r) => setTimeout(r, 0));
    expect(up('i1').disabled).toBe(true);

    down('i1').focus();
    down('i1').click();
    await echo();
    await later();
    expect(answers).toEqual([{ type: 'ordering', order: ['i2', 'i1', 'i3'] }]);
    const texts = Array.from(el.querySelectorAll('.sb-item .sb-text'), (e) => e.textContent);
    expect(texts).toEqual(['Terima berkas', 'Verifikasi berkas', 'Cetak KTP']);
    expect(document.activeElement).toBe(down('i1'));
    expect(el.querySelector('sb-ordering-question [aria-live]')?.textContent).toContain(
      'quiz.ordering.moved',
    );

    // At the bottom the focus moves to the item's "up" button.
    down('i1').click();
    await echo();
    await later();
    expect(answers[1]).toEqual({ type: 'ordering', order: ['i2', 'i3', 'i1'] });
    expect(document.activeElement).toBe(up('i1'));
  });

  it('ordering: the shown order can be kept as the answer', async () => {
    await render({
      type: 'ordering',
      items: [
        { id: 'i1', text: 'A' },
        { id: 'i2', text: 'B' },
      ],
    });
    el.querySelector<HTMLButtonElement>('[data-testid="order-keep"]')?.click();
    await echo();
    expect(answers).toEqual([{ type: 'ordering', order: ['i1', 'i2'] }]);
    expect(el.querySelector('[data-testid="order-keep"]')).toBeNull();
  });

  it('cloze: gaps inside the text, which is never parsed as HTML', async () => {
    await render({
      type: 'cloze',
      text: 'KTP <img src=x onerror=alert(1)> dicetak di {{g1}} dalam {{g2}} hari.',
      gaps: [
        { id: 'g1', type: 'single-choice', choices: [{ id: 'c1', text: 'Disdukcapil' }] },
        { id: 'g2', type: 'numerical' },
      ],
    });
    const cloze = el.querySelector('.sb-cloze') as HTMLElement;
    expect(cloze.querySelector('img')).toBeNull();
    expect(cloze.textContent).toContain('<img src=x onerror=alert(1)>');
    const select = el.querySelector<HTMLSelectElement>(
      '[data-testid="gap-g1"]',
    ) as HTMLSelectElement;
    const input = el.querySelector<HTMLInputElement>('[data-testid="gap-g2"]') as HTMLInputElement;
    expect(select.getAttribute('aria-label')).toBe('quiz.cloze.gap');
    expect(input.getAttribute('inputmode')).toBe('decimal');
    select.value = 'c1';
    select.dispatchEvent(new Event('change'));
    await echo();
    input.value = '14';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(answers[answers.length - 1]).toEqual({ type: 'cloze', gaps: { g1: 'c1', g2: '14' } });
  });

  it('essay: counts words against the minimum', async () => {
    await render(
      { type: 'essay', minWords: 5, rubric: [{ name: 'Isi', maxPoints: 10 }] },
      { type: 'essay', text: 'Pelayanan publik yang prima' },
    );
    const count = el.querySelector('[data-testid="word-count"]');
    expect(count?.textContent).toContain('quiz.essay.wordsOfMin');
    expect(count?.classList.contains('sb-short')).toBe(true);
    const area = el.querySelector<HTMLTextAreaElement>('textarea') as HTMLTextAreaElement;
    area.value = 'Pelayanan publik yang prima dan cepat';
    area.dispatchEvent(new Event('input'));
    await echo();
    expect(count?.classList.contains('sb-short')).toBe(false);
  });

  it('a description takes no answer and shows no save state', async () => {
    await render({ type: 'description' });
    expect(el.querySelector('input, select, textarea')).toBeNull();
    expect(el.querySelector('[data-testid="save-state-3"]')).toBeNull();
  });

  it('sends nothing once the attempt is locked', async () => {
    await render({ type: 'short-answer' }, null, true);
    const input = el.querySelector<HTMLInputElement>(
      '[data-testid="text-answer"]',
    ) as HTMLInputElement;
    expect(input.disabled).toBe(true);
    input.value = 'telat';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(answers).toEqual([]);
  });
});
