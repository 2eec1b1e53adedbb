import fc from 'fast-check';
import type { Scenario, Scene } from './model';
import { validateScenario } from './validate';
import { sampleScenario } from './testing/sample-scenario';

const codes = (s: Scenario) => validateScenario(s).map((p) => [p.code, p.sceneId]);

describe('scenario validator', () => {
  it('accepts a sound scenario', () => {
    expect(validateScenario(sampleScenario())).toEqual([]);
  });

  it('points each problem at its scene, in Indonesian', () => {
    const s = sampleScenario();
    const scene = (id: string) => s.scenes.find((x) => x.id === id) as Scene;
    scene('menu').choices[0].targetSceneId = null; // a choice without target
    scene('marah').choices[0].targetSceneId = 'hilang'; // to a scene that is not there
    scene('marah').choices[1].condition = { variable: 'marah', op: 'gt', value: 1 };
    scene('awal').choices[0].effects = [{ competency: 'kecepatan', delta: 1 }];
    s.scenes.push(
      {
        id: 'yatim',
        title: 'Tak tercapai',
        narrative: '<p>x</p>',
        choices: [],
        ending: { rating: 'poor', debrief: 'x' },
      },
      { id: 'buntu', title: 'Buntu', narrative: '<p>x</p>', choices: [] },
    );
    scene('cukup').ending = undefined; // now a dead end, reachable
    expect(codes(s)).toEqual(
      expect.arrayContaining([
        ['choice-without-target', 'menu'],
        ['target-unknown', 'marah'],
        ['undefined-variable', 'marah'],
        ['undefined-competency', 'awal'],
        ['dead-end', 'buntu'],
        ['dead-end', 'cukup'],
        ['unreachable', 'yatim'],
        ['unreachable', 'buntu'],
      ]),
    );
    const p = validateScenario(s).find((x) => x.code === 'choice-without-target');
    expect(p).toMatchObject({
      path: 'scenes[1].choices[0].targetSceneId',
      message:
        'Adegan "Cari menu": pilihan "Serahkan nomor pelacakan" belum diarahkan ke adegan mana pun.',
    });
  });

  it('finds a loop without exit', () => {
    const s = sampleScenario();
    const marah = s.scenes.find((x) => x.id === 'marah') as Scene;
    marah.choices = marah.choices.filter((c) => c.id === 'ulang');
    marah.choices[0].condition = undefined;
    expect(codes(s)).toEqual(
      expect.arrayContaining([
        ['no-exit', 'marah'],
        ['unreachable', 'cukup'],
        ['unreachable', 'buruk'],
      ]),
    );
  });

  it('checks the practice tasks’ own definitions and the variables’ ranges', () => {
    const s = sampleScenario();
    const awal = s.scenes[0];
    if (awal.practice?.kind !== 'form') throw new Error('form expected');
    awal.practice.fields[0].expected = '123'; // breaks its own NIK rule
    awal.practice.fields[1].expected = 'Paspor'; // not an option
    const menu = s.scenes[1];
    if (menu.practice?.kind !== 'menu-path') throw new Error('menu expected');
    menu.practice.expectedPath = ['capil', 'ktp'];
    s.variables[0].initial = 11;
    const found = validateScenario(s);
    expect(found.filter((p) => p.code === 'practice-invalid').map((p) => p.path)).toEqual([
      'scenes[0].practice.fields[0].expected',
      'scenes[0].practice.fields[1].expected',
      'scenes[1].practice.expectedPath[1]',
    ]);
    expect(found.find((p) => p.code === 'variable-range')?.path).toBe('variables[0]');
  });

  it('needs a start, an ending, unique ids and text', () => {
    const s = sampleScenario();
    s.startSceneId = 'nowhere';
    s.scenes[1].id = 'awal';
    s.scenes[2].choices[0].label = ' ';
    for (const sc of s.scenes) sc.ending = undefined;
    const got = codes(s).map(([c]) => c);
    expect(got).toEqual(
      expect.arrayContaining(['start-missing', 'duplicate-id', 'missing-text', 'no-ending']),
    );
  });
});

/**
 * Random scene graphs, checked against a brute-force reachability: the boolean transitive
 * closure by Warshall's algorithm, a different method from the validator's breadth-first search.
 */
describe('scenario validator against brute-force reachability (fast-check)', () => {
  const graph = fc.integer({ min: 1, max: 9 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), {
        minLength: n,
        maxLength: n,
      }),
      endings: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    }),
  );

  const toScenario = (g: { n: number; edges: number[][]; endings: boolean[] }): Scenario => ({
    schemaVersion: 1,
    title: 'Acak',
    competencies: [],
    variables: [],
    startSceneId: 's0',
    scenes: Array.from({ length: g.n }, (_, i) => ({
      id: `s${i}`,
      title: `Adegan ${i}`,
      narrative: '<p>.</p>',
      choices: g.endings[i]
        ? []
        : g.edges[i].map((t, j) => ({ id: `c${j}`, label: `ke ${t}`, targetSceneId: `s${t}` })),
      ending: g.endings[i] ? { rating: 'best' as const, debrief: 'ok' } : undefined,
    })),
  });

  function closure(g: { n: number; edges: number[][]; endings: boolean[] }): boolean[][] {
    const r = Array.from({ length: g.n }, (_, i) =>
      Array.from({ length: g.n }, (_, j) => i === j || (!g.endings[i] && g.edges[i].includes(j))),
    );
    for (let k = 0; k < g.n; k++)
      for (let i = 0; i < g.n; i++) for (let j = 0; j < g.n; j++) r[i][j] ||= r[i][k] && r[k][j];
    return r;
  }

  it('reports exactly the scenes the start cannot reach as unreachable', () => {
    fc.assert(
      fc.property(graph, (g) => {
        const r = closure(g);
        const expected = Array.from({ length: g.n }, (_, i) => i).filter((i) => !r[0][i]);
        const got = validateScenario(toScenario(g))
          .filter((p) => p.code === 'unreachable')
          .map((p) => Number(p.sceneId?.slice(1)));
        expect(got).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('flags every reachable scene with no way to an ending, and only those', () => {
    fc.assert(
      fc.property(graph, (g) => {
        const r = closure(g);
        const anyEnding = g.endings.some(Boolean);
        // A scene without choices is a dead end even when the scenario has no ending yet.
        const stuck = Array.from({ length: g.n }, (_, i) => i).filter(
          (i) =>
            r[0][i] &&
            ((!g.endings[i] && g.edges[i].length === 0) ||
              (anyEnding && !r[i].some((to, j) => to && g.endings[j]))),
        );
        const got = validateScenario(toScenario(g))
          .filter((p) => p.code === 'dead-end' || p.code === 'no-exit')
          .map((p) => Number(p.sceneId?.slice(1)))
          .filter((i) => r[0][i]);
        expect([...new Set(got)].sort((a, b) => a - b)).toEqual(stuck);
      }),
      { numRuns: 500 },
    );
  });

  it('passes a graph only when every scene is reachable and can finish', () => {
    fc.assert(
      fc.property(graph, (g) => {
        const r = closure(g);
        const sound =
          g.endings.some(Boolean) &&
          Array.from({ length: g.n }, (_, i) => i).every(
            (i) => r[0][i] && r[i].some((to, j) => to && g.endings[j]),
          );
        expect(validateScenario(toScenario(g)).length === 0).toBe(sound);
      }),
      { numRuns: 500 },
    );
  });
});
