import { type EndingRating, type Scenario, sceneOf } from '@siantar/scenario';

/** Where an editor draws a scene: columns 260 px apart, left to right; rows 220 px apart. */
export const at = (column: number, row = 0) => ({ x: column * 260, y: row * 220 });

/**
 * One move of a demo path: an engine action (`act(scenario, state, step)` accepts it as it is)
 * with what the browser shows, so a browser test can find it by its label.
 */
export type DemoStep =
  | { type: 'choose'; choiceId: string; sceneTitle: string; label: string }
  | {
      type: 'form';
      answers: Record<string, string>;
      sceneTitle: string;
      /** The form's fields in order, each with the answer to type or select. */
      fields: { key: string; label: string; value: string }[];
    }
  | { type: 'menu'; optionId: string; sceneTitle: string; screenTitle: string; label: string };

/** A way through a demo scenario, practice done right, and the ending it reaches. */
export interface DemoPath {
  steps: DemoStep[];
  ending: { sceneId: string; title: string; rating: EndingRating };
}

/**
 * The path taking the given choices in order from the start, with every practice on the way
 * done right (the form's expected answers, the menu's expected picks). It reads the labels
 * from the scenario itself, so they cannot drift; a choice missing from its scene throws.
 */
export function demoPath(s: Scenario, choiceIds: string[]): DemoPath {
  const steps: DemoStep[] = [];
  let scene = sceneOf(s, s.startSceneId);
  for (const choiceId of choiceIds) {
    if (!scene) throw new Error(`${s.title}: the path left the scenario before "${choiceId}"`);
    const p = scene.practice;
    if (p?.kind === 'form')
      steps.push({
        type: 'form',
        sceneTitle: scene.title,
        answers: Object.fromEntries(p.fields.map((f) => [f.key, f.expected])),
        fields: p.fields.map((f) => ({ key: f.key, label: f.label, value: f.expected })),
      });
    if (p?.kind === 'menu-path') {
      let screen = p.screens.find((x) => x.id === p.startScreenId);
      for (const optionId of p.expectedPath) {
        const option = screen?.options.find((o) => o.id === optionId);
        if (!screen || !option) throw new Error(`${scene.id}: menu option "${optionId}" missing`);
        steps.push({
          type: 'menu',
          optionId,
          sceneTitle: scene.title,
          screenTitle: screen.title,
          label: option.label,
        });
        screen = p.screens.find((x) => x.id === option.nextScreenId);
      }
    }
    const choice = scene.choices.find((c) => c.id === choiceId);
    if (!choice?.targetSceneId) throw new Error(`${scene.id}: choice "${choiceId}" missing`);
    steps.push({ type: 'choose', choiceId, sceneTitle: scene.title, label: choice.label });
    scene = sceneOf(s, choice.targetSceneId);
  }
  if (!scene?.ending) throw new Error(`${s.title}: the path does not end at an ending`);
  return { steps, ending: { sceneId: scene.id, title: scene.title, rating: scene.ending.rating } };
}
