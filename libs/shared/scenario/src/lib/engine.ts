import type {
  Choice,
  Condition,
  EndingRating,
  FormPractice,
  MenuPathPractice,
  Scenario,
  Scene,
  SimulationSettings,
} from './model';
import { fieldRuleError, matchesExpected } from './practice-answers';

/** A mistake in a practice task, with what was expected and why. */
export interface PracticeMistake {
  sceneId: string;
  kind: 'field-rule' | 'field-value' | 'menu';
  /** The form field's key, or the menu option picked. */
  target: string;
  label: string;
  given: string;
  expected: string;
  explain: string;
}

/** Where a run stands; plain JSON, so it is stored as it is and replayed on either side. */
export interface RunState {
  sceneId: string;
  variables: Record<string, number>;
  scores: Record<string, number>;
  /** Scenes entered, in order, the start first. */
  path: string[];
  /** The current scene's practice: null without one. */
  practice: { done: boolean; screenId: string | null; step: number } | null;
  mistakes: PracticeMistake[];
  ending: { sceneId: string; rating: EndingRating } | null;
}

export type RunAction =
  | { type: 'choose'; choiceId: string }
  | { type: 'form'; answers: Record<string, string> }
  | { type: 'menu'; optionId: string };

export interface ActionOutcome {
  state: RunState;
  /** The chosen option's feedback. */
  feedback: string | null;
  /** Mistakes this action made (also appended to state.mistakes). */
  mistakes: PracticeMistake[];
}

export const REFUSALS = {
  'run-ended': 'Simulasi ini sudah selesai; mulai lagi untuk mengulang.',
  'practice-pending': 'Selesaikan dulu latihan di adegan ini sebelum memilih.',
  'not-offered': 'Pilihan itu tidak tersedia di adegan ini.',
  'no-practice': 'Adegan ini tidak memiliki latihan.',
  'wrong-practice': 'Latihan di adegan ini bukan jenis itu.',
  'practice-done': 'Latihan di adegan ini sudah selesai.',
  'unknown-option': 'Menu itu tidak ada di layar ini.',
  'broken-scenario': 'Skenario ini rusak: pilihan mengarah ke adegan yang tidak ada.',
} as const;
export type RefusalCode = keyof typeof REFUSALS;

/** An action the scenario does not allow where the run stands. */
export class MoveRefused extends Error {
  constructor(readonly code: RefusalCode) {
    super(REFUSALS[code]);
    this.name = 'MoveRefused';
  }
}

export const sceneOf = (s: Scenario, id: string): Scene | undefined =>
  s.scenes.find((sc) => sc.id === id);

function holds(c: Condition, vars: Record<string, number>): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, vars));
  if ('any' in c) return c.any.some((x) => holds(x, vars));
  if ('not' in c) return !holds(c.not, vars);
  const v = vars[c.variable] ?? 0;
  switch (c.op) {
    case 'lt':
      return v < c.value;
    case 'lte':
      return v <= c.value;
    case 'gt':
      return v > c.value;
    case 'gte':
      return v >= c.value;
    case 'eq':
      return v === c.value;
    case 'neq':
      return v !== c.value;
  }
}

function practiceStart(scene: Scene): RunState['practice'] {
  if (!scene.practice) return null;
  return {
    done: false,
    screenId: scene.practice.kind === 'menu-path' ? scene.practice.startScreenId : null,
    step: 0,
  };
}

function enter(s: Scenario, state: RunState, sceneId: string): RunState {
  const scene = sceneOf(s, sceneId);
  if (!scene) throw new MoveRefused('broken-scenario');
  return {
    ...state,
    sceneId,
    path: [...state.path, sceneId],
    practice: practiceStart(scene),
    ending: scene.ending ? { sceneId, rating: scene.ending.rating } : null,
  };
}

export function startRun(s: Scenario): RunState {
  const blankState: RunState = {
    sceneId: s.startSceneId,
    variables: Object.fromEntries(s.variables.map((v) => [v.key, v.initial])),
    scores: Object.fromEntries(s.competencies.map((c) => [c.key, 0])),
    path: [],
    practice: null,
    mistakes: [],
    ending: null,
  };
  return enter(s, blankState, s.startSceneId);
}

/** The choices offered now: none while the scene's practice is unfinished or the run has ended. */
export function offeredChoices(s: Scenario, state: RunState): Choice[] {
  if (state.ending || (state.practice && !state.practice.done)) return [];
  const scene = sceneOf(s, state.sceneId);
  return (scene?.choices ?? []).filter((c) => !c.condition || holds(c.condition, state.variables));
}

const clamp = (s: Scenario, key: string, v: number) => {
  const def = s.variables.find((x) => x.key === key);
  return Math.min(def?.max ?? Infinity, Math.max(def?.min ?? -Infinity, v));
};

function penalise(
  state: RunState,
  competency: string | undefined,
  per: number | undefined,
  n: number,
) {
  if (!competency || !per || n === 0) return state.scores;
  return { ...state.scores, [competency]: (state.scores[competency] ?? 0) - per * n };
}

function choose(s: Scenario, state: RunState, choiceId: string): ActionOutcome {
  if (state.practice && !state.practice.done) throw new MoveRefused('practice-pending');
  const choice = offeredChoices(s, state).find((c) => c.id === choiceId);
  if (!choice || choice.targetSceneId === null) throw new MoveRefused('not-offered');
  const scores = { ...state.scores };
  for (const e of choice.effects ?? [])
    scores[e.competency] = (scores[e.competency] ?? 0) + e.delta;
  const variables = { ...state.variables };
  for (const u of choice.updates ?? [])
    variables[u.variable] = clamp(
      s,
      u.variable,
      u.op === 'set' ? u.value : (variables[u.variable] ?? 0) + u.value,
    );
  return {
    state: enter(s, { ...state, scores, variables }, choice.targetSceneId),
    feedback: choice.feedback ?? null,
    mistakes: [],
  };
}

function fillForm(
  scene: Scene,
  p: FormPractice,
  state: RunState,
  answers: Record<string, string>,
): ActionOutcome {
  const mistakes: PracticeMistake[] = [];
  for (const f of p.fields) {
    const given = (answers[f.key] ?? '').trim();
    const rule = fieldRuleError(f, given);
    if (rule || !matchesExpected(f, given))
      mistakes.push({
        sceneId: scene.id,
        kind: rule ? 'field-rule' : 'field-value',
        target: f.key,
        label: f.label,
        given,
        expected: f.expected,
        explain: rule ? `${rule}. ${f.explain}` : f.explain,
      });
  }
  return {
    state: {
      ...state,
      scores: penalise(state, p.competency, p.penaltyPerMistake, mistakes.length),
      mistakes: [...state.mistakes, ...mistakes],
      practice: { done: mistakes.length === 0, screenId: null, step: 0 },
    },
    feedback: null,
    mistakes,
  };
}

function pickMenu(
  scene: Scene,
  p: MenuPathPractice,
  state: RunState,
  optionId: string,
): ActionOutcome {
  const at = state.practice as NonNullable<RunState['practice']>;
  const screen = p.screens.find((x) => x.id === at.screenId);
  const option = screen?.options.find((o) => o.id === optionId);
  if (!screen || !option) throw new MoveRefused('unknown-option');
  const expectedId = p.expectedPath[at.step];
  if (optionId !== expectedId) {
    const expected = screen.options.find((o) => o.id === expectedId);
    const mistake: PracticeMistake = {
      sceneId: scene.id,
      kind: 'menu',
      target: optionId,
      label: screen.title,
      given: option.label,
      expected: expected?.label ?? expectedId,
      explain: p.explain,
    };
    return {
      state: {
        ...state,
        scores: penalise(state, p.competency, p.penaltyPerMistake, 1),
        mistakes: [...state.mistakes, mistake],
      },
      feedback: null,
      mistakes: [mistake],
    };
  }
  const step = at.step + 1;
  return {
    state: {
      ...state,
      practice: { done: step >= p.expectedPath.length, screenId: option.nextScreenId, step },
    },
    feedback: null,
    mistakes: [],
  };
}

/**
 * Plays one action. Pure: the same scenario, state and action give the same outcome, so the
 * browser can show it at once and the server, replaying it, keeps the record and refuses
 * what the scenario does not offer (MoveRefused).
 */
export function act(s: Scenario, state: RunState, action: RunAction): ActionOutcome {
  if (state.ending) throw new MoveRefused('run-ended');
  if (action.type === 'choose') return choose(s, state, action.choiceId);
  const scene = sceneOf(s, state.sceneId);
  const p = scene?.practice;
  if (!scene || !p || !state.practice) throw new MoveRefused('no-practice');
  if (state.practice.done) throw new MoveRefused('practice-done');
  if (action.type === 'form') {
    if (p.kind !== 'form') throw new MoveRefused('wrong-practice');
    return fillForm(scene, p, state, action.answers);
  }
  if (p.kind !== 'menu-path') throw new MoveRefused('wrong-practice');
  return pickMenu(scene, p, state, action.optionId);
}

export const totalScore = (state: RunState): number =>
  Object.values(state.scores).reduce((a, b) => a + b, 0);

/** Whether a finished run completes the lesson under its settings. */
export function completes(settings: SimulationSettings, state: RunState): boolean {
  if (!state.ending) return false;
  return settings.completion === 'ending' || totalScore(state) >= (settings.minScore ?? 0);
}
