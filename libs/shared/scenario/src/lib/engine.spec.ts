import { act, completes, MoveRefused, offeredChoices, startRun, totalScore } from './engine';
import { sampleScenario } from './testing/sample-scenario';

const s = sampleScenario();
const FORM_OK = { nik: '1273015208900001', jenis: 'Akta Kelahiran' };

describe('scenario engine', () => {
  it('starts at the start scene with the initial variables and zero scores', () => {
    const st = startRun(s);
    expect(st).toMatchObject({
      sceneId: 'awal',
      path: ['awal'],
      variables: { sabar: 5 },
      scores: { empati: 0, prosedur: 0 },
      practice: { done: false, screenId: null, step: 0 },
      ending: null,
    });
  });

  it('offers no choice until the scene’s practice is done, and refuses one asked for', () => {
    const st = startRun(s);
    expect(offeredChoices(s, st)).toEqual([]);
    expect(() => act(s, st, { type: 'choose', choiceId: 'sapa' })).toThrow(
      expect.objectContaining({ code: 'practice-pending' }),
    );
  });

  it('records each form mistake with its explanation and its penalty, until all is right', () => {
    let st = startRun(s);
    const wrong = act(s, st, { type: 'form', answers: { nik: '12345', jenis: 'KK' } });
    expect(wrong.mistakes.map((m) => [m.target, m.kind])).toEqual([
      ['nik', 'field-rule'],
      ['jenis', 'field-value'],
    ]);
    expect(wrong.mistakes[0].explain).toBe('NIK harus 16 angka. NIK ada di KTP.');
    expect(wrong.state.scores['prosedur']).toBe(-4);
    expect(wrong.state.practice?.done).toBe(false);
    st = act(s, wrong.state, { type: 'form', answers: FORM_OK }).state;
    expect(st.practice?.done).toBe(true);
    expect(st.mistakes).toHaveLength(2);
    expect(offeredChoices(s, st).map((c) => c.id)).toEqual(['sapa', 'ketus']);
    expect(() => act(s, st, { type: 'form', answers: FORM_OK })).toThrow(
      expect.objectContaining({ code: 'practice-done' }),
    );
  });

  it('applies effects and clamped updates, gives feedback, and walks the menu path to the best ending', () => {
    let st = act(s, startRun(s), { type: 'form', answers: FORM_OK }).state;
    const chosen = act(s, st, { type: 'choose', choiceId: 'sapa' });
    expect(chosen.feedback).toBe('Bagus.');
    st = chosen.state;
    expect(st).toMatchObject({ sceneId: 'menu', variables: { sabar: 7 }, scores: { empati: 10 } });
    expect(st.practice).toEqual({ done: false, screenId: 'beranda', step: 0 });
    const wrongPick = act(s, st, { type: 'menu', optionId: 'dafduk' });
    expect(wrongPick.mistakes[0]).toMatchObject({
      kind: 'menu',
      given: 'Pendaftaran Penduduk',
      expected: 'Pencatatan Sipil',
      explain: 'Akta ada di Pencatatan Sipil.',
    });
    st = wrongPick.state;
    expect(() => act(s, st, { type: 'menu', optionId: 'akta' })).toThrow(
      expect.objectContaining({ code: 'unknown-option' }),
    );
    st = act(s, st, { type: 'menu', optionId: 'capil' }).state;
    st = act(s, st, { type: 'menu', optionId: 'akta' }).state;
    expect(st.practice).toEqual({ done: true, screenId: null, step: 2 });
    st = act(s, st, { type: 'choose', choiceId: 'selesai' }).state;
    expect(st.ending).toEqual({ sceneId: 'terbaik', rating: 'best' });
    expect(st.path).toEqual(['awal', 'menu', 'terbaik']);
    expect(st.scores).toEqual({ empati: 10, prosedur: 9 });
    expect(totalScore(st)).toBe(19);
    expect(completes({ completion: 'ending', counts: 'best' }, st)).toBe(true);
    expect(completes({ completion: 'min-score', minScore: 20, counts: 'best' }, st)).toBe(false);
    expect(() => act(s, st, { type: 'choose', choiceId: 'selesai' })).toThrow(
      expect.objectContaining({ code: 'run-ended' }),
    );
  });

  it('shows and hides choices by their conditions as the variables change', () => {
    let st = act(s, startRun(s), { type: 'form', answers: FORM_OK }).state;
    st = act(s, st, { type: 'choose', choiceId: 'ketus' }).state;
    expect(st.variables['sabar']).toBe(1);
    expect(offeredChoices(s, st).map((c) => c.id)).toEqual(['minta-maaf', 'ulang']);
    expect(() => act(s, st, { type: 'choose', choiceId: 'usir' })).toThrow(MoveRefused);
    st = act(s, st, { type: 'choose', choiceId: 'ulang' }).state;
    expect(st.variables['sabar']).toBe(0);
    expect(offeredChoices(s, st).map((c) => c.id)).toEqual(['minta-maaf', 'usir']);
    // Clamped at the minimum.
    expect(st.path).toEqual(['awal', 'marah', 'marah']);
    st = act(s, st, { type: 'choose', choiceId: 'usir' }).state;
    expect(st.ending?.rating).toBe('poor');
  });

  it('refuses a choice of another scene (a jump) and an unknown one', () => {
    const st = act(s, startRun(s), { type: 'form', answers: FORM_OK }).state;
    for (const choiceId of ['selesai', 'minta-maaf', 'nope'])
      expect(() => act(s, st, { type: 'choose', choiceId })).toThrow(
        expect.objectContaining({ code: 'not-offered' }),
      );
    expect(() => act(s, st, { type: 'menu', optionId: 'capil' })).toThrow(
      expect.objectContaining({ code: 'practice-done' }),
    );
  });
});
