import { validateScenario } from '@siantar/scenario';
import { counterScenario } from './editor.fixtures';
import {
  addChoice,
  addScene,
  addSceneForChoice,
  autoLayout,
  connectChoice,
  deleteScene,
  incomingCount,
  moveChoice,
  moveScene,
  removeChoice,
  renameCompetency,
  renameVariable,
  setPosition,
  setStart,
} from './scenario-graph-ops';
import { starterContent } from './starter-content';

describe('scenario graph operations', () => {
  it('starts a new scenario with a start scene leading to an ending, and no graph problems', () => {
    const { scenario } = starterContent();
    expect(scenario.startSceneId).toBe('awal');
    expect(scenario.scenes.map((s) => [s.id, !!s.ending])).toEqual([
      ['awal', false],
      ['akhir', true],
    ]);
    // Only the texts are left to write.
    expect(new Set(validateScenario(scenario).map((p) => p.code))).toEqual(
      new Set(['missing-text']),
    );
  });

  it('adds a scene with a fresh id, right of the scene it is added from, without overlapping', () => {
    const s = counterScenario();
    const { scenario, sceneId } = addScene(s, { near: 'awal' });
    expect(sceneId).toBe('adegan-7');
    const added = scenario.scenes.at(-1);
    expect(added).toMatchObject({ id: 'adegan-7', title: '', choices: [] });
    expect(added?.ending).toBeUndefined();
    // Right of "awal" is "menu" (328, 24): the new box moves down until it is free.
    expect(added?.position?.x).toBe(328);
    expect(added?.position?.y).toBeGreaterThan(128);
    expect(s.scenes).toHaveLength(6);
  });

  it('adds an ending when asked, and never reuses an id', () => {
    const s = counterScenario();
    s.scenes[0].id = 'adegan-7';
    const { scenario, sceneId } = addScene(s, { ending: true });
    expect(sceneId).toBe('adegan-7-2');
    expect(scenario.scenes.at(-1)?.ending).toEqual({ rating: 'acceptable', debrief: '' });
  });

  it('deletes a scene: choices that led to it become unconnected and are reported', () => {
    const s = counterScenario();
    expect(incomingCount(s, 'marah')).toBe(1);
    const next = deleteScene(s, 'marah');
    expect(next.scenes.map((x) => x.id)).not.toContain('marah');
    expect(next.scenes[0].choices[1]).toMatchObject({ id: 'ketus', targetSceneId: null });
    const problems = validateScenario(next);
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'choice-without-target',
        sceneId: 'awal',
        path: 'scenes[0].choices[1].targetSceneId',
      }),
    );
    // "cukup" and "buruk" were reached only through "marah".
    expect(problems.filter((p) => p.code === 'unreachable').map((p) => p.sceneId)).toEqual([
      'cukup',
      'buruk',
    ]);
  });

  it('moves the start to the first remaining scene when the start is deleted', () => {
    expect(deleteScene(counterScenario(), 'awal').startSceneId).toBe('menu');
  });

  it('connects and unconnects a choice', () => {
    const s = connectChoice(counterScenario(), 'awal', 'ketus', 'cukup');
    expect(s.scenes[0].choices[1].targetSceneId).toBe('cukup');
    expect(connectChoice(s, 'awal', 'ketus', null).scenes[0].choices[1].targetSceneId).toBeNull();
  });

  it('adds, moves and removes choices', () => {
    const added = addChoice(counterScenario(), 'awal');
    expect(added.choiceId).toBe('pilihan-3');
    const scene = () => added.scenario.scenes[0];
    expect(scene().choices[2]).toEqual({ id: 'pilihan-3', label: '', targetSceneId: null });
    const moved = moveChoice(added.scenario, 'awal', 2, -2);
    expect(moved.scenes[0].choices.map((c) => c.id)).toEqual(['pilihan-3', 'sapa', 'ketus']);
    expect(removeChoice(moved, 'awal', 0).scenes[0].choices.map((c) => c.id)).toEqual([
      'sapa',
      'ketus',
    ]);
  });

  it('creates a target scene for a choice and connects it', () => {
    const s = addChoice(counterScenario(), 'menu').scenario;
    const { scenario, sceneId } = addSceneForChoice(s, 'menu', 'pilihan-2');
    expect(scenario.scenes.find((x) => x.id === 'menu')?.choices[1].targetSceneId).toBe(sceneId);
    expect(scenario.scenes.find((x) => x.id === sceneId)).toBeDefined();
  });

  it('reorders scenes and ignores moves past either end', () => {
    const s = counterScenario();
    expect(
      moveScene(s, 1, 1)
        .scenes.map((x) => x.id)
        .slice(0, 3),
    ).toEqual(['awal', 'marah', 'menu']);
    expect(moveScene(s, 0, -1).scenes.map((x) => x.id)).toEqual(s.scenes.map((x) => x.id));
    expect(moveScene(s, 5, 1).scenes.map((x) => x.id)).toEqual(s.scenes.map((x) => x.id));
  });

  it('moves a box in whole units and never off the canvas', () => {
    const s = setPosition(counterScenario(), 'menu', { x: 100.6, y: -20 });
    expect(s.scenes[1].position).toEqual({ x: 101, y: 0 });
  });

  it('sets the start only to a scene that exists', () => {
    expect(setStart(counterScenario(), 'marah').startSceneId).toBe('marah');
    expect(setStart(counterScenario(), 'nope').startSceneId).toBe('awal');
  });

  it('lays out scenes in columns by distance from the start', () => {
    const s = autoLayout(counterScenario());
    const x = (id: string) => s.scenes.find((sc) => sc.id === id)?.position?.x ?? -1;
    expect(x('awal')).toBeLessThan(x('menu'));
    expect(x('menu')).toBe(x('marah'));
    expect(x('menu')).toBeLessThan(x('terbaik'));
  });

  it('renames a competency everywhere, refusing taken or malformed keys', () => {
    const s = renameCompetency(counterScenario(), 'prosedur', 'sop');
    expect(s?.competencies[1].key).toBe('sop');
    expect(s?.scenes[0].practice?.competency).toBe('sop');
    expect(s?.scenes[1].choices[0].effects).toEqual([{ competency: 'sop', delta: 10 }]);
    expect(validateScenario(s ?? counterScenario())).toEqual([]);
    expect(renameCompetency(counterScenario(), 'prosedur', 'empati')).toBeNull();
    expect(renameCompetency(counterScenario(), 'prosedur', 'dua kata')).toBeNull();
  });

  it('renames a variable in updates and in nested conditions', () => {
    const s = renameVariable(counterScenario(), 'sabar', 'kesabaran');
    expect(s).not.toBeNull();
    const marah = s?.scenes[2];
    expect(marah?.choices[1].condition).toEqual({ variable: 'kesabaran', op: 'gte', value: 1 });
    expect(marah?.choices[2].condition).toEqual({
      not: { variable: 'kesabaran', op: 'gt', value: 0 },
    });
    expect(s?.scenes[0].choices[0].updates?.[0].variable).toBe('kesabaran');
    expect(validateScenario(s ?? counterScenario())).toEqual([]);
  });

  it('leaves the scenario it was given unchanged', () => {
    const s = counterScenario();
    const before = JSON.stringify(s);
    deleteScene(s, 'marah');
    addScene(s);
    connectChoice(s, 'awal', 'sapa', null);
    renameVariable(s, 'sabar', 'x');
    expect(JSON.stringify(s)).toBe(before);
  });
});
