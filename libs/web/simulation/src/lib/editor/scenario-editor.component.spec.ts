import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { SimulationContent } from '@siantar/scenario';
import { of } from 'rxjs';
import { counterContent, editorStrings } from './editor.fixtures';
import { ScenarioEditorComponent } from './scenario-editor.component';

describe('ScenarioEditorComponent', () => {
  let fixture: ComponentFixture<ScenarioEditorComponent>;
  let el: HTMLElement;
  let confirmed: boolean;
  let dialogOpen: jest.Mock;

  async function render(content: SimulationContent | null): Promise<void> {
    confirmed = true;
    dialogOpen = jest.fn(() => ({ afterClosed: () => of(confirmed) }));
    TestBed.configureTestingModule({
      imports: [ScenarioEditorComponent],
      providers: [
        provideTranslateService({ fallbackLang: 'id' }),
        { provide: MatDialog, useValue: { open: dialogOpen } },
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', editorStrings('id'));
    translate.use('id');
    fixture = TestBed.createComponent(ScenarioEditorComponent);
    fixture.componentRef.setInput('content', content);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  const content = () => fixture.componentInstance.content() as SimulationContent;
  const scenes = () => content().scenario.scenes;
  const q = (sel: string) => el.querySelector<HTMLElement>(sel);
  const text = (sel: string) => q(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const buttonByText = (label: string | RegExp, root: ParentNode = el) =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) =>
      typeof label === 'string' ? b.textContent?.trim() === label : label.test(b.textContent ?? ''),
    );

  async function click(b: HTMLElement | null | undefined): Promise<void> {
    expect(b).toBeTruthy();
    b?.click();
    await fixture.whenStable();
  }

  async function type(sel: string, value: string): Promise<void> {
    const input = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(sel);
    expect(input).not.toBeNull();
    if (input) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
  }

  /** Opens a mat-select and clicks the option with this text. */
  async function pick(sel: string, option: RegExp): Promise<void> {
    await click(q(`${sel} .mat-mdc-select-trigger`));
    const opt = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((o) =>
      option.test(o.textContent ?? ''),
    );
    await click(opt);
  }

  it('starts a new scenario with a start scene and an ending, and lists what is left to write', async () => {
    await render(null);
    const nodes = el.querySelectorAll('g.node');
    expect(nodes).toHaveLength(2);
    expect(nodes[0].classList).toContain('start');
    expect(nodes[1].classList).toContain('ending-best');
    expect(nodes[1].getAttribute('aria-label')).toBe(
      'Akhir cerita: Akhir terbaik, 0 pilihan, 2 masalah',
    );
    expect(el.querySelectorAll('path.edge')).toHaveLength(1);
    expect(text('[data-testid=problem-count]')).toBe('3 masalah');
    // The start scene is selected.
    expect(el.querySelector<HTMLInputElement>('[data-testid=scene-title]')?.value).toBe(
      'Pembukaan',
    );
  });

  it('draws a scenario: every scene, the start, the endings by rating, one arrow per choice', async () => {
    await render(counterContent());
    expect(el.querySelectorAll('g.node')).toHaveLength(6);
    expect(el.querySelectorAll('path.edge')).toHaveLength(6);
    expect(el.querySelectorAll('g.ending-best, g.ending-acceptable, g.ending-poor')).toHaveLength(
      3,
    );
    expect(text('[data-testid=problem-count]')).toBe('0 masalah');
    expect(text('.tab[data-tab=problems] .badge')).toBe('0');
  });

  it('adds a scene, selects it and counts its problems', async () => {
    await render(counterContent());
    await click(q('[data-testid=add-scene]'));
    expect(scenes()).toHaveLength(7);
    expect(el.querySelectorAll('g.node')).toHaveLength(7);
    expect(q('g.node.selected')?.getAttribute('data-scene')).toBe('adegan-7');
    expect(el.querySelector<HTMLInputElement>('[data-testid=scene-title]')?.value).toBe('');
    // Untitled, no narrative, a dead end, unreachable.
    expect(text('[data-testid=problem-count]')).toBe('4 masalah');

    await type('[data-testid=scene-title]', 'Atasan datang');
    expect(scenes()[6].title).toBe('Atasan datang');
    expect(text('g.node.selected text.title')).toBe('Atasan datang');
  });

  it('adds an ending, and connects a choice to it from the target list', async () => {
    await render(counterContent());
    await click(q('[data-testid=add-ending]'));
    expect(scenes()[6].ending).toEqual({ rating: 'acceptable', debrief: '' });
    // Selecting through the graph happens on pointer down; Enter does it from the keyboard.
    q('g.node[data-scene=awal]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await fixture.whenStable();
    expect(el.querySelector<HTMLInputElement>('[data-testid=scene-title]')?.value).toBe(
      'Warga datang',
    );
    await pick('[data-path="choices[1].targetSceneId"]', /^\s*adegan-7/);
    expect(scenes()[0].choices[1].targetSceneId).toBe('adegan-7');
  });

  it('moves a selected box with the arrow keys', async () => {
    await render(counterContent());
    const node = q('g.node[data-scene=menu]');
    node?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    await fixture.whenStable();
    expect(scenes()[1].position).toEqual({ x: 344, y: 24 });
    q('g.node[data-scene=menu]')?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowDown', shiftKey: true }),
    );
    await fixture.whenStable();
    expect(scenes()[1].position).toEqual({ x: 344, y: 88 });
  });

  it('reorders scenes in the list with the up and down buttons', async () => {
    await render(counterContent());
    await click(buttonByText('Daftar'));
    expect(q('sb-scene-list')?.classList).not.toContain('off');
    await click(q('[aria-label="Turunkan adegan \\"Warga datang\\""]'));
    expect(
      scenes()
        .map((s) => s.id)
        .slice(0, 2),
    ).toEqual(['menu', 'awal']);
    expect(q('[aria-label="Naikkan adegan \\"Cari menu\\""]')?.hasAttribute('disabled')).toBe(true);
  });

  it('deletes a scene after confirming; the choices that led to it become unconnected', async () => {
    await render(counterContent());
    await click(q('sb-scene-list [data-scene=marah]'));
    await click(q('[data-testid=delete-scene]'));
    expect(dialogOpen).toHaveBeenCalledTimes(1);
    expect(scenes().map((s) => s.id)).not.toContain('marah');
    expect(scenes()[0].choices[1].targetSceneId).toBeNull();
    expect(text('[data-testid=problem-count]')).toBe('3 masalah');
  });

  it('keeps the scene when the deletion is not confirmed', async () => {
    await render(counterContent());
    confirmed = false;
    await click(q('[data-testid=delete-scene]'));
    expect(scenes()).toHaveLength(6);
  });

  it('lists problems by scene and takes the author to the field', async () => {
    const c = counterContent();
    c.scenario.scenes[2].choices[0].targetSceneId = null;
    await render(c);
    await click(q('.tab[data-tab=problems]'));
    expect(text('sb-validation-panel h4')).toBe('Warga kesal');
    const problem = q('sb-validation-panel button.problem');
    expect(problem?.textContent).toContain('belum diarahkan');
    await click(problem);
    await fixture.whenStable();
    expect(q('.tab[data-tab=scene]')?.getAttribute('aria-selected')).toBe('true');
    expect(el.querySelector<HTMLInputElement>('[data-testid=scene-title]')?.value).toBe(
      'Warga kesal',
    );
    expect(document.activeElement?.getAttribute('data-path')).toBe('choices[0].targetSceneId');
  });

  it('moves between the panels with the arrow keys', async () => {
    await render(counterContent());
    q('.tab[data-tab=scene]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    await fixture.whenStable();
    expect(q('.tab[data-tab=scenario]')?.getAttribute('aria-selected')).toBe('true');
    expect(el.querySelector<HTMLInputElement>('[data-testid=scenario-title]')?.value).toBe(
      'Loket Disdukcapil',
    );
  });

  it('previews from the selected scene: choices, hidden ones, the ending and whether it completes', async () => {
    await render(counterContent());
    await click(q('sb-scene-list [data-scene=marah]'));
    await click(q('[data-testid=preview-from-scene]'));
    expect(q('.tab[data-tab=preview]')?.getAttribute('aria-selected')).toBe('true');
    expect(text('sb-scenario-preview .scene h4')).toBe('Warga kesal');
    expect(buttonByText('Minta maaf')).toBeTruthy();
    expect(text('sb-scenario-preview .choices')).toContain(
      'Panggil satpam — disembunyikan oleh syaratnya',
    );
    await click(buttonByText('Minta maaf'));
    expect(text('sb-scenario-preview .ending')).toContain('Akhir cukup');
    expect(text('sb-scenario-preview .ending')).toContain('Lebih baik sapa sejak awal.');
    expect(text('sb-scenario-preview .ending')).toContain(
      'Nilai total 5 — belum cukup untuk menyelesaikan pelajaran.',
    );
    expect(
      Array.from(el.querySelectorAll('sb-scenario-preview .path li')).map((li) => li.textContent),
    ).toEqual(['Warga kesal', 'Selesai juga']);
    await click(q('[data-testid=preview-restart]'));
    expect(text('sb-scenario-preview .scene h4')).toBe('Warga kesal');
  });

  it('previews a practice form with its mistakes explained', async () => {
    await render(counterContent());
    await click(q('[data-testid=preview-from-scene]'));
    await type('sb-preview-practice input[name=nik]', '123');
    await click(buttonByText('Kirim formulir'));
    expect(text('sb-preview-practice .mistakes')).toContain(
      'diisi "123", seharusnya "1273015208900001". NIK harus 16 angka. NIK ada di KTP.',
    );
    await type('sb-preview-practice input[name=nik]', '1273015208900001');
    await click(buttonByText('Kirim formulir'));
    expect(text('sb-preview-practice')).toContain('Latihan selesai.');
    await click(buttonByText('Sapa dengan ramah'));
    expect(text('sb-scenario-preview .feedback')).toContain('Bagus, warga merasa dihargai.');
    const stats = Array.from(el.querySelectorAll('sb-scenario-preview .stats dt')).map(
      (dt) => `${dt.textContent?.trim()}: ${dt.nextElementSibling?.textContent?.trim()}`,
    );
    expect(stats).toEqual([
      'Kesabaran warga: 7',
      'Empati: 10',
      // The wrong NIK cost 2 points of procedure.
      'Ketepatan prosedur: -2',
      'Total: 8',
    ]);
  });

  it('exports the scenario as <title>.json', async () => {
    await render(counterContent());
    const created: Blob[] = [];
    const url = URL as unknown as {
      createObjectURL: (b: Blob) => string;
      revokeObjectURL: (u: string) => void;
    };
    url.createObjectURL = (b: Blob) => {
      created.push(b);
      return 'blob:x';
    };
    url.revokeObjectURL = () => undefined;
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('Loket Disdukcapil.json');
    });
    await click(q('[data-testid=export]'));
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(created[0].type).toBe('application/json');
    clicked.mockRestore();
  });
});
