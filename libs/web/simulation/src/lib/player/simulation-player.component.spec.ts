import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type {
  SimulationActionResponse,
  SimulationLessonView,
  SimulationRunView,
} from '@siantar/contracts';
import {
  ACTIONS_URL,
  LESSON_URL,
  RUN_URL,
  START_URL,
  endingScene,
  formScene,
  lessonView,
  menuScene,
  run,
  simulationStrings,
  summary,
} from './player.fixtures';
import type { FormPracticeView } from './form-practice.component';
import { SIMULATION_RECONNECT_DELAYS } from './reconnect';
import { SimulationPlayerComponent } from './simulation-player.component';

describe('SimulationPlayerComponent', () => {
  let fixture: ComponentFixture<SimulationPlayerComponent>;
  let http: HttpTestingController;
  let ended: SimulationRunView[];

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T | null =>
    root().querySelector<T>(`[data-testid="${id}"]`);
  const text = (id: string): string => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const settle = async (): Promise<void> => {
    await fixture.whenStable();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  /** Lets a resend's timer (0 ms in these tests) fire. */
  const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));
  const respond = (
    response: Partial<SimulationActionResponse> & { run: SimulationRunView },
  ): SimulationActionResponse => ({ feedback: null, mistakes: [], ...response });

  async function open(view: SimulationLessonView): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        { provide: SIMULATION_RECONNECT_DELAYS, useValue: [0] },
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', {
      ...simulationStrings('id'),
      common: { loading: 'Memuat…', none: '—' },
    });
    translate.use('id');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SimulationPlayerComponent);
    fixture.componentRef.setInput('enrolmentId', 'e1');
    fixture.componentRef.setInput('lessonId', 'l1');
    ended = [];
    fixture.componentInstance.runEnded.subscribe((r) => ended.push(r));
    await settle();
    http.expectOne(LESSON_URL).flush(view);
    await settle();
  }

  function expectAction(body: unknown): TestRequest {
    const req = http.expectOne(ACTIONS_URL);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(body);
    return req;
  }

  afterEach(() => {
    http.verify();
    // Every string shown is translated: no key leaks onto the screen.
    expect(root().textContent).not.toMatch(/simulation\.(player|analytics)\./);
  });

  it('starts a run and shows the scene: narrative, speaker, picture, meters and scores', async () => {
    await open(lessonView());
    expect(text('intro')).toContain('Pelajaran selesai setelah Anda mencapai salah satu akhir');
    expect(text('intro')).toContain('hasil terbaik Anda yang dihitung');
    byTestId<HTMLButtonElement>('start')?.click();
    const req = http.expectOne(START_URL);
    expect(req.request.method).toBe('POST');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const narrative = `${formScene().narrative}<img src="x" onerror="alert(1)">`;
    req.flush(run({ scene: formScene({ narrative }) }), { status: 201, statusText: 'Created' });
    await settle();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('sanitizing HTML'));
    warn.mockRestore();

    expect(byTestId('intro')).toBeNull();
    const heading = byTestId('scene-title');
    expect(heading?.textContent).toContain('Warga datang ke loket');
    expect(document.activeElement).toBe(heading);
    // Angular's sanitiser keeps the markup and drops the handler.
    const shown = byTestId('scene-narrative');
    expect(shown?.querySelector('strong')?.textContent).toBe('KTP');
    expect(shown?.innerHTML).not.toContain('onerror');
    expect(text('scene-speaker')).toContain('Pak Sinaga');
    expect(text('scene-speaker')).toContain('Warga');
    expect(text('speaker-mood')).toContain('bingung');
    expect(text('scene-speaker')).toContain('Saya mau urus akta.');
    const img = byTestId('scene-media')?.querySelector('img');
    expect(img?.getAttribute('alt')).toBe('Loket Disdukcapil yang ramai');
    expect(img?.getAttribute('src')).toBe('/api/v1/files/f1/download');

    const meter = byTestId('variable-sabar')?.querySelector('[role="meter"]');
    expect(meter?.getAttribute('aria-valuenow')).toBe('5');
    expect(meter?.getAttribute('aria-valuemax')).toBe('10');
    expect(meter?.getAttribute('aria-valuetext')).toBe('5 dari 10');
    expect(text('variable-sabar')).toContain('Kesabaran warga');
    expect(text('run-scores')).toContain('Ketepatan prosedur');
    expect(text('practice-pending')).toContain('Selesaikan latihan');
    expect(byTestId('choices')).toBeNull();
  });

  it('resumes the run in play without starting a new one', async () => {
    await open(lessonView({ run: run({ seq: 3, scene: menuScene() }) }));
    http.expectNone(START_URL);
    expect(byTestId('intro')).toBeNull();
    expect(text('scene-title')).toBe('Mencari menu');
    expect(text('menu-step')).toBe('Langkah 1 dari 2');
  });

  it('sends the form and shows each wrong field with the reason, then accepts it', async () => {
    await open(lessonView({ run: run() }));
    const nik = byTestId<HTMLInputElement>('field-nik') as HTMLInputElement;
    nik.value = '12730152089';
    nik.dispatchEvent(new Event('input'));
    byTestId<HTMLButtonElement>('practice-submit')?.click();
    await settle();
    expect(byTestId<HTMLButtonElement>('practice-submit')?.disabled).toBe(true);

    const wrong = [
      {
        sceneId: 'awal',
        kind: 'field-rule' as const,
        target: 'nik',
        label: 'NIK',
        given: '12730152089',
        expected: '1273015208900001',
        explain: 'NIK harus 16 angka. NIK ada di KTP.',
      },
      {
        sceneId: 'awal',
        kind: 'field-value' as const,
        target: 'jenis',
        label: 'Jenis dokumen',
        given: '',
        expected: 'Akta Kelahiran',
        explain: 'Warga mengurus akta.',
      },
    ];
    expectAction({
      seq: 1,
      action: { type: 'form', answers: { nik: '12730152089', jenis: '' } },
    }).flush(
      respond({
        run: run({ seq: 1, mistakes: wrong, scores: run().scores.map((s) => ({ ...s })) }),
        mistakes: wrong,
      }),
    );
    await settle();

    expect(text('form-mistakes')).toContain('2 isian perlu diperbaiki');
    expect(document.activeElement?.id).toBe('sbs-form-errors');
    expect(text('mistake-nik')).toContain('NIK harus 16 angka. NIK ada di KTP.');
    expect(text('mistake-jenis')).toContain('Seharusnya: Akta Kelahiran.');
    expect(text('mistake-jenis')).toContain('Warga mengurus akta.');
    const field = byTestId<HTMLInputElement>('field-nik') as HTMLInputElement;
    expect(field?.getAttribute('aria-invalid')).toBe('true');
    expect(field?.getAttribute('aria-describedby')).toBe('sbs-field-nik-error');
    // What was typed stays, to be corrected.
    expect(field?.value).toBe('12730152089');
    expect(text('announcement')).toContain('2 isian perlu diperbaiki');

    field.value = '1273015208900001';
    field.dispatchEvent(new Event('input'));
    const select = byTestId<HTMLSelectElement>('field-jenis') as HTMLSelectElement;
    select.value = 'Akta Kelahiran';
    select.dispatchEvent(new Event('change'));
    byTestId<HTMLButtonElement>('practice-submit')?.click();
    expectAction({
      seq: 2,
      action: { type: 'form', answers: { nik: '1273015208900001', jenis: 'Akta Kelahiran' } },
    }).flush(
      respond({
        run: run({
          seq: 2,
          mistakes: wrong,
          scene: formScene({
            practice: { ...(formScene().practice as FormPracticeView), done: true },
            choices: [
              { id: 'sapa', label: 'Sapa dengan ramah' },
              { id: 'ketus', label: 'Suruh antre lagi' },
            ],
          }),
        }),
      }),
    );
    await settle();
    expect(text('form-done')).toContain('Formulir diterima');
    expect(byTestId('form-mistakes')).toBeNull();
    expect(document.activeElement?.id).toBe('sbs-choices-title');
    expect(byTestId('choice-sapa')).not.toBeNull();
  });

  it('plays the menu path: a wrong pick is explained, a right one opens the next screen', async () => {
    await open(lessonView({ run: run({ seq: 4, scene: menuScene() }) }));
    byTestId<HTMLButtonElement>('menu-option-dafduk')?.click();
    const mistake = {
      sceneId: 'menu',
      kind: 'menu' as const,
      target: 'dafduk',
      label: 'Beranda',
      given: 'Pendaftaran Penduduk',
      expected: 'Pencatatan Sipil',
      explain: 'Akta kelahiran ada di Pencatatan Sipil.',
    };
    expectAction({ seq: 5, action: { type: 'menu', optionId: 'dafduk' } }).flush(
      respond({
        run: run({ seq: 5, scene: menuScene(), mistakes: [mistake] }),
        mistakes: [mistake],
      }),
    );
    await settle();
    expect(text('menu-mistake')).toContain(
      'Anda memilih “Pendaftaran Penduduk” di layar “Beranda”; yang tepat: “Pencatatan Sipil”.',
    );
    expect(text('menu-mistake')).toContain('Akta kelahiran ada di Pencatatan Sipil.');
    expect(text('announcement')).toContain('Pilihan menu kurang tepat');

    byTestId<HTMLButtonElement>('menu-option-capil')?.click();
    const next = {
      id: 'capil',
      title: 'Pencatatan Sipil',
      options: [{ id: 'akta', label: 'Akta Kelahiran' }],
    };
    expectAction({ seq: 6, action: { type: 'menu', optionId: 'capil' } }).flush(
      respond({ run: run({ seq: 6, scene: menuScene(next, 1), mistakes: [mistake] }) }),
    );
    await settle();
    expect(byTestId('menu-mistake')).toBeNull();
    expect(text('menu-screen')).toBe('Pencatatan Sipil');
    expect(text('menu-step')).toBe('Langkah 2 dari 2');
    expect(document.activeElement?.id).toBe('sbs-menu-screen');

    byTestId<HTMLButtonElement>('menu-option-akta')?.click();
    expectAction({ seq: 7, action: { type: 'menu', optionId: 'akta' } }).flush(
      respond({ run: run({ seq: 7, scene: menuScene(null, 2) }) }),
    );
    await settle();
    expect(text('menu-done')).toContain('Menu yang tepat sudah ditemukan');
    expect(byTestId('choice-cetak')).not.toBeNull();
  });

  it('sends a choice, shows its feedback and moves the focus to the new scene', async () => {
    const choosing = run({
      seq: 2,
      scene: formScene({
        practice: null,
        choices: [
          { id: 'sapa', label: 'Sapa dengan ramah' },
          { id: 'ketus', label: 'Suruh antre lagi' },
        ],
      }),
    });
    await open(lessonView({ run: choosing }));
    byTestId<HTMLButtonElement>('choice-sapa')?.click();
    await settle();
    // One move at a time: the buttons wait for the answer.
    expect(byTestId<HTMLButtonElement>('choice-ketus')?.disabled).toBe(true);
    byTestId<HTMLButtonElement>('choice-ketus')?.click();
    expectAction({ seq: 3, action: { type: 'choose', choiceId: 'sapa' } }).flush(
      respond({
        run: run({
          seq: 3,
          scene: menuScene(),
          variables: [{ key: 'sabar', label: 'Kesabaran warga', value: 7, min: 0, max: 10 }],
          scores: [
            { key: 'empati', label: 'Empati', value: 10 },
            { key: 'prosedur', label: 'Ketepatan prosedur', value: 0 },
          ],
          totalScore: 10,
        }),
        feedback: 'Bagus: warga merasa dihargai.',
      }),
    );
    await settle();
    expect(text('feedback')).toContain('Bagus: warga merasa dihargai.');
    expect(byTestId('feedback-region')?.getAttribute('aria-live')).toBe('polite');
    expect(document.activeElement).toBe(byTestId('scene-title'));
    expect(text('scene-title')).toBe('Mencari menu');
    expect(
      byTestId('variable-sabar')?.querySelector('[role="meter"]')?.getAttribute('aria-valuenow'),
    ).toBe('7');
    expect(text('run-total')).toBe('10');
  });

  it('shows the ending, whether it completes the lesson, the history, and plays again', async () => {
    const last = run({
      seq: 8,
      scene: menuScene(null, 2),
    });
    await open(
      lessonView({
        run: last,
        runs: [summary({ id: 'r0', rating: 'poor', totalScore: -5, completes: true })],
      }),
    );
    byTestId<HTMLButtonElement>('choice-cetak')?.click();
    const finished = run({
      seq: 9,
      status: 'ended',
      finishedAt: '2026-03-02T02:10:00.000Z',
      scene: endingScene(),
      totalScore: 18,
      mistakes: [
        {
          sceneId: 'menu',
          kind: 'menu',
          target: 'dafduk',
          label: 'Beranda',
          given: 'Pendaftaran Penduduk',
          expected: 'Pencatatan Sipil',
          explain: 'Akta kelahiran ada di Pencatatan Sipil.',
        },
      ],
      ending: {
        rating: 'best',
        debrief: 'Anda melayani dengan ramah dan teliti.\nLain kali, periksa KK juga.',
        completes: true,
      },
    });
    expectAction({ seq: 9, action: { type: 'choose', choiceId: 'cetak' } }).flush(
      respond({ run: finished, feedback: 'Akta dicetak.' }),
    );
    await settle();
    expect(text('ending-rating')).toBe('Terbaik');
    expect(text('ending-score')).toBe('Skor total: 18');
    expect(text('ending-completes')).toBe('Hasil ini menyelesaikan pelajaran.');
    expect(text('ending-debrief')).toContain('Lain kali, periksa KK juga.');
    expect(text('ending-mistakes')).toContain('Akta kelahiran ada di Pencatatan Sipil.');
    expect(document.activeElement).toBe(byTestId('scene-title'));
    expect(ended.map((r) => r.id)).toEqual(['r1']);

    // The history and the counted run come again from the server.
    http.expectOne(LESSON_URL).flush(
      lessonView({
        run: null,
        counted: summary(),
        runs: [summary(), summary({ id: 'r0', rating: 'poor', totalScore: -5 })],
      }),
    );
    await settle();
    expect(text('run-counted')).toBe('Hasil terbaik yang dihitung: Terbaik, skor 18.');
    expect(text('run-r1')).toContain('Dihitung');
    expect(text('run-r0')).toContain('Kurang');
    expect(text('run-r0')).not.toContain('Dihitung');

    byTestId<HTMLButtonElement>('replay')?.click();
    http.expectOne(START_URL).flush(run({ id: 'r1' }), { status: 201, statusText: 'Created' });
    await settle();
    expect(byTestId('ending')).toBeNull();
    expect(byTestId('run-history')).toBeNull();
    expect(text('scene-title')).toBe('Warga datang ke loket');
  });

  it('says what score an ending lacks under a minimum-score rule', async () => {
    await open(
      lessonView({
        completion: 'min-score',
        minScore: 20,
        run: run({
          seq: 1,
          scene: formScene({ practice: null, choices: [{ id: 'x', label: 'Selesai' }] }),
        }),
      }),
    );
    byTestId<HTMLButtonElement>('choice-x')?.click();
    expectAction({ seq: 2, action: { type: 'choose', choiceId: 'x' } }).flush(
      respond({
        run: run({
          seq: 2,
          status: 'ended',
          scene: endingScene(),
          totalScore: 12,
          ending: { rating: 'acceptable', debrief: 'Cukup.', completes: false },
        }),
      }),
    );
    await settle();
    expect(text('ending-rating')).toBe('Cukup');
    expect(text('ending-completes')).toBe(
      'Hasil ini belum menyelesaikan pelajaran: dibutuhkan skor minimal 20.',
    );
    http.expectOne(LESSON_URL).flush(lessonView());
    await settle();
  });

  it('resends a move lost to the network with the same seq, once, until it is answered', async () => {
    const choosing = run({
      seq: 2,
      scene: formScene({ practice: null, choices: [{ id: 'sapa', label: 'Sapa dengan ramah' }] }),
    });
    await open(lessonView({ run: choosing }));
    byTestId<HTMLButtonElement>('choice-sapa')?.click();
    const body = { seq: 3, action: { type: 'choose', choiceId: 'sapa' } };
    expectAction(body).error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await settle();
    expect(text('reconnecting')).toContain('Menyambung ulang');
    expect(byTestId<HTMLButtonElement>('choice-sapa')?.disabled).toBe(true);

    await tick();
    // A gateway timeout: the answer may have been lost after the move was played.
    expectAction(body).flush(null, { status: 504, statusText: 'Gateway Timeout' });
    await tick();
    expectAction(body).flush(respond({ run: run({ seq: 3, scene: menuScene() }) }));
    await settle();
    expect(byTestId('reconnecting')).toBeNull();
    expect(text('scene-title')).toBe('Mencari menu');
    await tick();
    http.expectNone(ACTIONS_URL);
  });

  it('reloads the run on 409 out-of-step and carries on from there', async () => {
    const choosing = run({
      seq: 2,
      scene: formScene({ practice: null, choices: [{ id: 'sapa', label: 'Sapa dengan ramah' }] }),
    });
    await open(lessonView({ run: choosing }));
    byTestId<HTMLButtonElement>('choice-sapa')?.click();
    expectAction({ seq: 3, action: { type: 'choose', choiceId: 'sapa' } }).flush(
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'Langkah ini tidak sesuai urutan simulasi.',
        code: 'simulation.out-of-step',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    const get = http.expectOne(RUN_URL);
    expect(get.request.method).toBe('GET');
    get.flush(run({ seq: 5, scene: menuScene() }));
    await settle();
    expect(text('resynced')).toContain('disinkronkan ulang');
    expect(text('scene-title')).toBe('Mencari menu');
    expect(document.activeElement).toBe(byTestId('scene-title'));

    // The next move follows the server's seq.
    byTestId<HTMLButtonElement>('menu-option-capil')?.click();
    expectAction({ seq: 6, action: { type: 'menu', optionId: 'capil' } }).flush(
      respond({ run: run({ seq: 6, scene: menuScene() }) }),
    );
    await settle();
  });

  it('reloads the lesson when the run was replaced elsewhere (409 run-ended)', async () => {
    await open(lessonView({ run: run({ seq: 1, scene: menuScene() }) }));
    byTestId<HTMLButtonElement>('menu-option-capil')?.click();
    expectAction({ seq: 2, action: { type: 'menu', optionId: 'capil' } }).flush(
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'Permainan ini sudah selesai; mulai lagi untuk mengulang.',
        code: 'simulation.run-ended',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    http.expectNone(RUN_URL);
    http.expectOne(LESSON_URL).flush(
      lessonView({
        run: run({ id: 'r2', seq: 0 }),
        runs: [
          summary({ id: 'r2', finishedAt: null, rating: null, totalScore: 0, completes: false }),
        ],
      }),
    );
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain(
      'Permainan ini sudah selesai',
    );
    expect(text('scene-title')).toBe('Warga datang ke loket');
  });

  it('shows a refused move and reloads what the server has', async () => {
    await open(lessonView({ run: run({ seq: 1, scene: menuScene() }) }));
    byTestId<HTMLButtonElement>('menu-option-capil')?.click();
    expectAction({ seq: 2, action: { type: 'menu', optionId: 'capil' } }).flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Latihan di adegan ini sudah selesai.',
        code: 'simulation.practice-done',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    http.expectOne(RUN_URL).flush(run({ seq: 3, scene: menuScene(null, 2) }));
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain(
      'Latihan di adegan ini sudah selesai.',
    );
    expect(byTestId('choice-cetak')).not.toBeNull();
  });
});
