import {
  type Choice,
  MoveRefused,
  type PracticeMistake,
  type RunAction,
  type RunState,
  type Scenario,
  type SimulationSettings,
  act,
  completes,
  offeredChoices,
  sceneOf,
  startRun,
  totalScore,
} from '@siantar/scenario';

/**
 * A run that starts at any scene: the engine's own start, with that scene as the start, so the
 * state is exactly what the engine builds on entering it (path, practice, ending). Variables
 * may be set for the preview (to try a condition) and are kept within their bounds.
 */
export function startRunAt(
  s: Scenario,
  sceneId: string,
  variables: Record<string, number> = {},
): RunState {
  const run = startRun({ ...s, startSceneId: sceneId });
  const set = { ...run.variables };
  for (const v of s.variables)
    if (typeof variables[v.key] === 'number' && Number.isFinite(variables[v.key]))
      set[v.key] = Math.min(v.max ?? Infinity, Math.max(v.min ?? -Infinity, variables[v.key]));
  return { ...run, variables: set };
}

/** The editor's preview: the run and what the last action said. */
export interface PreviewState {
  fromSceneId: string;
  /** null when the run could not start (the scene no longer exists). */
  run: RunState | null;
  /** The last choice's feedback. */
  feedback: string | null;
  /** The last practice attempt's mistakes. */
  mistakes: PracticeMistake[];
  /** Why the engine refused the last action (Indonesian, from the engine). */
  refusal: string | null;
  steps: number;
}

export function previewFrom(
  s: Scenario,
  sceneId: string,
  variables: Record<string, number> = {},
): PreviewState {
  const base = { fromSceneId: sceneId, feedback: null, mistakes: [], steps: 0 };
  try {
    return { ...base, run: startRunAt(s, sceneId, variables), refusal: null };
  } catch (e) {
    if (e instanceof MoveRefused) return { ...base, run: null, refusal: e.message };
    throw e;
  }
}

/** Plays one action in the preview; a refused move leaves the run as it was, with the reason. */
export function previewAct(s: Scenario, p: PreviewState, action: RunAction): PreviewState {
  if (!p.run) return p;
  try {
    const out = act(s, p.run, action);
    return {
      ...p,
      run: out.state,
      feedback: action.type === 'choose' ? out.feedback : p.feedback,
      mistakes: out.mistakes,
      refusal: null,
      steps: p.steps + 1,
    };
  } catch (e) {
    if (e instanceof MoveRefused) return { ...p, refusal: e.message };
    throw e;
  }
}

/** The scene's choices, each offered, hidden by its condition, or not yet connected. */
export interface PreviewChoice {
  choice: Choice;
  status: 'offered' | 'hidden' | 'unconnected';
}

export function previewChoices(s: Scenario, run: RunState): PreviewChoice[] {
  const scene = sceneOf(s, run.sceneId);
  if (!scene || run.ending || (run.practice && !run.practice.done)) return [];
  const offered = new Set(offeredChoices(s, run).map((c) => c.id));
  return scene.choices.map((choice) => ({
    choice,
    status: !offered.has(choice.id)
      ? 'hidden'
      : choice.targetSceneId === null || !sceneOf(s, choice.targetSceneId)
        ? 'unconnected'
        : 'offered',
  }));
}

/** The total and whether the run would complete the lesson under the settings. */
export function previewResult(
  settings: SimulationSettings,
  run: RunState,
): { total: number; completes: boolean } {
  return { total: totalScore(run), completes: completes(settings, run) };
}
