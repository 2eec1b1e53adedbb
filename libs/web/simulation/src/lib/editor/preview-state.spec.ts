import { startRun } from '@siantar/scenario';
import { counterContent, counterScenario } from './editor.fixtures';
import {
  previewAct,
  previewChoices,
  previewFrom,
  previewResult,
  startRunAt,
} from './preview-state';

describe('preview state', () => {
  it('starts at the start scene exactly as the engine does', () => {
    const s = counterScenario();
    expect(startRunAt(s, 'awal')).toEqual(startRun(s));
  });

  it('starts at any scene, with that scene as the path and its practice pending', () => {
    const run = startRunAt(counterScenario(), 'menu');
    expect(run.sceneId).toBe('menu');
    expect(run.path).toEqual(['menu']);
    expect(run.practice).toEqual({ done: false, screenId: 'beranda', step: 0 });
    expect(run.variables).toEqual({ sabar: 5 });
  });

  it('takes preview values for variables, within their bounds', () => {
    const s = counterScenario();
    expect(startRunAt(s, 'marah', { sabar: 0 }).variables).toEqual({ sabar: 0 });
    expect(startRunAt(s, 'marah', { sabar: 99 }).variables).toEqual({ sabar: 10 });
    expect(startRunAt(s, 'marah', { unknown: 3 }).variables).toEqual({ sabar: 5 });
  });

  it('marks an ending scene as ended at once', () => {
    const run = startRunAt(counterScenario(), 'buruk');
    expect(run.ending).toEqual({ sceneId: 'buruk', rating: 'poor' });
  });

  it('plays choices with their feedback, effects and updates', () => {
    const s = counterScenario();
    let p = previewFrom(s, 'awal');
    p = previewAct(s, p, { type: 'form', answers: { nik: '1273015208900001' } });
    expect(p.run?.practice?.done).toBe(true);
    p = previewAct(s, p, { type: 'choose', choiceId: 'sapa' });
    expect(p.run?.sceneId).toBe('menu');
    expect(p.feedback).toBe('Bagus, warga merasa dihargai.');
    expect(p.run?.scores).toEqual({ empati: 10, prosedur: 0 });
    expect(p.run?.variables).toEqual({ sabar: 7 });
    expect(p.steps).toBe(2);
  });

  it('explains practice mistakes and keeps the run where it was', () => {
    const s = counterScenario();
    let p = previewFrom(s, 'awal');
    p = previewAct(s, p, { type: 'form', answers: { nik: '123' } });
    expect(p.run?.practice?.done).toBe(false);
    expect(p.mistakes).toEqual([
      expect.objectContaining({
        kind: 'field-rule',
        target: 'nik',
        expected: '1273015208900001',
        explain: 'NIK harus 16 angka. NIK ada di KTP.',
      }),
    ]);
    expect(p.run?.scores['prosedur']).toBe(-2);
    p = previewAct(s, previewFrom(s, 'menu'), { type: 'menu', optionId: 'dafduk' });
    expect(p.mistakes[0]).toMatchObject({ kind: 'menu', expected: 'Pencatatan Sipil' });
  });

  it('shows a refused move with the engine’s reason, leaving the run unchanged', () => {
    const s = counterScenario();
    const p = previewFrom(s, 'awal');
    const refused = previewAct(s, p, { type: 'choose', choiceId: 'sapa' });
    expect(refused.run).toBe(p.run);
    expect(refused.refusal).toBe('Selesaikan dulu latihan di adegan ini sebelum memilih.');
  });

  it('cannot start at a scene that no longer exists', () => {
    const p = previewFrom(counterScenario(), 'hilang');
    expect(p.run).toBeNull();
    expect(p.refusal).toContain('rusak');
  });

  it('lists each choice as offered, hidden by its condition or unconnected', () => {
    const s = counterScenario();
    s.scenes[2].choices[0].targetSceneId = null;
    const at = (sabar: number) =>
      previewChoices(s, startRunAt(s, 'marah', { sabar })).map((c) => [c.choice.id, c.status]);
    expect(at(5)).toEqual([
      ['minta-maaf', 'unconnected'],
      ['ulang', 'offered'],
      ['usir', 'hidden'],
    ]);
    expect(at(0)).toEqual([
      ['minta-maaf', 'unconnected'],
      ['ulang', 'hidden'],
      ['usir', 'offered'],
    ]);
  });

  it('shows no choices while the practice is pending', () => {
    const s = counterScenario();
    expect(previewChoices(s, startRunAt(s, 'awal'))).toEqual([]);
  });

  it('says whether an ending completes the lesson under the settings', () => {
    const c = counterContent();
    const s = c.scenario;
    let p = previewFrom(s, 'menu');
    p = previewAct(s, p, { type: 'menu', optionId: 'capil' });
    p = previewAct(s, p, { type: 'menu', optionId: 'akta' });
    p = previewAct(s, p, { type: 'choose', choiceId: 'selesai' });
    expect(p.run?.ending?.rating).toBe('best');
    expect(previewResult(c.settings, p.run ?? startRunAt(s, 'menu'))).toEqual({
      total: 10,
      completes: false,
    });
    expect(
      previewResult({ ...c.settings, minScore: 10 }, p.run ?? startRunAt(s, 'menu')).completes,
    ).toBe(true);
  });
});
