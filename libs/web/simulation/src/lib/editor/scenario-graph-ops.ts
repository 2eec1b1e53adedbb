import type { Choice, Condition, Scenario, Scene } from '@siantar/scenario';
import { layeredPositions, type Point, freeSpot, positionsOf } from './graph-layout';
import { moveItem, removeAt, uniqueKey } from './list-edit';

/**
 * The editor's edits of the scene graph, each returning a new scenario (the old one is left
 * as it was, so the editor can compare, undo and test them).
 */

const sceneIds = (s: Scenario) => s.scenes.map((sc) => sc.id);

const mapScene = (s: Scenario, id: string, f: (sc: Scene) => Scene): Scenario => ({
  ...s,
  scenes: s.scenes.map((sc) => (sc.id === id ? f(sc) : sc)),
});

export function replaceScene(s: Scenario, scene: Scene): Scenario {
  return mapScene(s, scene.id, () => scene);
}

export interface AddSceneOptions {
  title?: string;
  ending?: boolean;
  /** Where to draw it; by default right of `near`, or below the others. */
  position?: Point;
  near?: string;
}

/** Adds an empty scene (an ending when asked) and returns it with its new id. */
export function addScene(
  s: Scenario,
  opts: AddSceneOptions = {},
): { scenario: Scenario; sceneId: string } {
  const id = uniqueKey(`adegan-${s.scenes.length + 1}`, sceneIds(s));
  const pos = positionsOf(s);
  const scene: Scene = {
    id,
    title: opts.title ?? '',
    narrative: '',
    choices: [],
    position:
      opts.position ?? freeSpot(pos, opts.near === undefined ? undefined : pos.get(opts.near)),
    ...(opts.ending ? { ending: { rating: 'acceptable' as const, debrief: '' } } : {}),
  };
  return { scenario: { ...s, scenes: [...s.scenes, scene] }, sceneId: id };
}

/**
 * Removes a scene. Choices that led to it stay, unconnected (the validator points at them);
 * when it was the start, the first remaining scene becomes the start.
 */
export function deleteScene(s: Scenario, id: string): Scenario {
  const scenes = s.scenes
    .filter((sc) => sc.id !== id)
    .map((sc) =>
      sc.choices.some((c) => c.targetSceneId === id)
        ? {
            ...sc,
            choices: sc.choices.map((c) =>
              c.targetSceneId === id ? { ...c, targetSceneId: null } : c,
            ),
          }
        : sc,
    );
  const startSceneId = s.startSceneId === id ? (scenes[0]?.id ?? '') : s.startSceneId;
  return { ...s, scenes, startSceneId };
}

/** How many choices of other scenes lead to this one (shown before deleting it). */
export const incomingCount = (s: Scenario, id: string): number =>
  s.scenes.reduce(
    (n, sc) => n + sc.choices.filter((c) => c.targetSceneId === id && sc.id !== id).length,
    0,
  );

/** Points a choice at a scene, or unconnects it (null). */
export function connectChoice(
  s: Scenario,
  sceneId: string,
  choiceId: string,
  targetSceneId: string | null,
): Scenario {
  return mapScene(s, sceneId, (sc) => ({
    ...sc,
    choices: sc.choices.map((c) => (c.id === choiceId ? { ...c, targetSceneId } : c)),
  }));
}

/** Adds a choice to a scene, unconnected unless a target is given. */
export function addChoice(
  s: Scenario,
  sceneId: string,
  targetSceneId: string | null = null,
): { scenario: Scenario; choiceId: string } {
  const scene = s.scenes.find((sc) => sc.id === sceneId);
  const choiceId = uniqueKey(
    `pilihan-${(scene?.choices.length ?? 0) + 1}`,
    (scene?.choices ?? []).map((c) => c.id),
  );
  const choice: Choice = { id: choiceId, label: '', targetSceneId };
  return {
    scenario: mapScene(s, sceneId, (sc) => ({ ...sc, choices: [...sc.choices, choice] })),
    choiceId,
  };
}

/** Creates a new scene right of the choice's scene and connects the choice to it. */
export function addSceneForChoice(
  s: Scenario,
  sceneId: string,
  choiceId: string,
): { scenario: Scenario; sceneId: string } {
  const added = addScene(s, { near: sceneId });
  return {
    scenario: connectChoice(added.scenario, sceneId, choiceId, added.sceneId),
    sceneId: added.sceneId,
  };
}

export function removeChoice(s: Scenario, sceneId: string, index: number): Scenario {
  return mapScene(s, sceneId, (sc) => ({ ...sc, choices: removeAt(sc.choices, index) }));
}

export function moveChoice(s: Scenario, sceneId: string, index: number, delta: number): Scenario {
  return mapScene(s, sceneId, (sc) => ({ ...sc, choices: moveItem(sc.choices, index, delta) }));
}

/** Reorders the scene list (the keyboard alternative to arranging the graph). */
export function moveScene(s: Scenario, index: number, delta: number): Scenario {
  return { ...s, scenes: moveItem(s.scenes, index, delta) };
}

/** Moves a scene's box on the canvas (whole units, never above or left of the canvas). */
export function setPosition(s: Scenario, id: string, p: Point): Scenario {
  const position = { x: Math.max(0, Math.round(p.x)), y: Math.max(0, Math.round(p.y)) };
  return mapScene(s, id, (sc) => ({ ...sc, position }));
}

export function setStart(s: Scenario, id: string): Scenario {
  return s.scenes.some((sc) => sc.id === id) ? { ...s, startSceneId: id } : s;
}

/** Lays every scene out in columns by distance from the start. */
export function autoLayout(s: Scenario): Scenario {
  const pos = layeredPositions(s);
  return { ...s, scenes: s.scenes.map((sc) => ({ ...sc, position: pos.get(sc.id) })) };
}

const validKey = (key: string) => /^[A-Za-z0-9_-]{1,40}$/.test(key);

/**
 * Renames a competency everywhere it is used (choice effects, practice penalties).
 * null when the new key is not valid or already taken.
 */
export function renameCompetency(s: Scenario, from: string, to: string): Scenario | null {
  if (from === to) return s;
  if (!validKey(to) || s.competencies.some((c) => c.key === to)) return null;
  return {
    ...s,
    competencies: s.competencies.map((c) => (c.key === from ? { ...c, key: to } : c)),
    scenes: s.scenes.map((sc) => ({
      ...sc,
      ...(sc.practice?.competency === from ? { practice: { ...sc.practice, competency: to } } : {}),
      choices: sc.choices.map((c) =>
        c.effects?.some((e) => e.competency === from)
          ? {
              ...c,
              effects: c.effects.map((e) => (e.competency === from ? { ...e, competency: to } : e)),
            }
          : c,
      ),
    })),
  };
}

function renameInCondition(c: Condition, from: string, to: string): Condition {
  if ('all' in c) return { all: c.all.map((x) => renameInCondition(x, from, to)) };
  if ('any' in c) return { any: c.any.map((x) => renameInCondition(x, from, to)) };
  if ('not' in c) return { not: renameInCondition(c.not, from, to) };
  return c.variable === from ? { ...c, variable: to } : c;
}

/** Renames a variable everywhere (updates and conditions); null when not valid or taken. */
export function renameVariable(s: Scenario, from: string, to: string): Scenario | null {
  if (from === to) return s;
  if (!validKey(to) || s.variables.some((v) => v.key === to)) return null;
  return {
    ...s,
    variables: s.variables.map((v) => (v.key === from ? { ...v, key: to } : v)),
    scenes: s.scenes.map((sc) => ({
      ...sc,
      choices: sc.choices.map((c) => ({
        ...c,
        ...(c.updates
          ? {
              updates: c.updates.map((u) => (u.variable === from ? { ...u, variable: to } : u)),
            }
          : {}),
        ...(c.condition ? { condition: renameInCondition(c.condition, from, to) } : {}),
      })),
    })),
  };
}
