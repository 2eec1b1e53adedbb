import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { setUpTrainerTest } from '../../authoring-api/trainer.testing';
import { type EditorCriterion } from '../question-draft';
import { OrderingEditorComponent } from './ordering-editor.component';
import { RubricEditorComponent } from './rubric-editor.component';
import { TextAnswersComponent } from './text-answers.component';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TextAnswersComponent, OrderingEditorComponent, RubricEditorComponent],
  template: `
    <sb-text-answers [answers]="answers" />
    <sb-ordering-editor [model]="$any(model)" />
    <sb-rubric-editor [rubric]="rubric" />
  `,
})
class HostComponent {
  readonly answers = [{ text: 'a', percent: 100, feedback: '' }];
  readonly model = {
    items: [
      { id: 'i1', text: 'satu' },
      { id: 'i2', text: 'dua' },
      { id: 'i3', text: 'tiga' },
    ],
    orderingScoring: 'partial',
  };
  readonly rubric: EditorCriterion[] = [
    { id: 'c1', name: 'Isi', levels: [{ points: 1, description: '' }] },
  ];
}

describe('RowActionsComponent in the answer editors', () => {
  function buttons(root: HTMLElement, selector: string, label: string): HTMLButtonElement[] {
    return Array.from(root.querySelectorAll<HTMLButtonElement>(`${selector} button`)).filter((b) =>
      b.getAttribute('aria-label')?.startsWith(label),
    );
  }

  async function render() {
    setUpTrainerTest();
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('keeps the last rows and re-reads the disabled state after an add or a remove', async () => {
    const { fixture, el } = await render();
    const remove = () => buttons(el, 'sb-text-answers', 'assessment.editor.removeAnswer');
    expect(remove().map((b) => b.disabled)).toEqual([true]);

    el.querySelector<HTMLButtonElement>('sb-text-answers button[mat-stroked-button]')?.click();
    await fixture.whenStable();
    expect(remove().map((b) => b.disabled)).toEqual([false, false]);

    remove()[1]?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.answers).toHaveLength(1);
    expect(remove().map((b) => b.disabled)).toEqual([true]);
  });

  it('moves rows up and down, the ends disabled', async () => {
    const { fixture, el } = await render();
    const up = () => buttons(el, 'sb-ordering-editor', 'assessment.editor.moveItemUp');
    const down = () => buttons(el, 'sb-ordering-editor', 'assessment.editor.moveItemDown');
    expect(up().map((b) => b.disabled)).toEqual([true, false, false]);
    expect(down().map((b) => b.disabled)).toEqual([false, false, true]);

    down()[0]?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.model.items.map((i) => i.id)).toEqual(['i2', 'i1', 'i3']);
    up()[2]?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.model.items.map((i) => i.id)).toEqual(['i2', 'i3', 'i1']);
  });

  it('removes a rubric criterion without a lower limit, a level down to one', async () => {
    const { fixture, el } = await render();
    expect(
      buttons(el, 'sb-rubric-editor', 'assessment.editor.removeLevel').map((b) => b.disabled),
    ).toEqual([true]);
    buttons(el, 'sb-rubric-editor', 'assessment.editor.removeCriterion')[0]?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.rubric).toEqual([]);
  });

  it('edits the grade and feedback of an answer in place', async () => {
    const { fixture, el } = await render();
    const [grade, feedback] = Array.from(
      el.querySelectorAll<HTMLInputElement>('sb-text-answers sb-grade-feedback-fields input'),
    ) as [HTMLInputElement, HTMLInputElement];
    await fixture.whenStable();
    expect(grade.value).toBe('100');
    for (const [input, value] of [
      [grade, '50'],
      [feedback, 'Hampir'],
    ] as const) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
    expect(fixture.componentInstance.answers[0]).toEqual({
      text: 'a',
      percent: 50,
      feedback: 'Hampir',
    });
  });
});
