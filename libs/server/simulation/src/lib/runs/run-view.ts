import type { PracticeView, SceneView, SimulationRunView } from '@siantar/contracts';
import {
  completes,
  offeredChoices,
  type RunState,
  sceneOf,
  type Scene,
  type SimulationContent,
  totalScore,
} from '@siantar/scenario';

export interface RunRow {
  id: string;
  seq: number;
  status: 'playing' | 'ended' | 'abandoned';
  state: RunState;
  started_at: Date;
  finished_at: Date | null;
}

/** A practice task without its answers: what the learner's screen shows. */
function practiceView(scene: Scene, state: RunState): PracticeView | null {
  const p = scene.practice;
  if (!p || !state.practice) return null;
  if (p.kind === 'form')
    return {
      kind: 'form',
      instructions: p.instructions,
      appName: p.appName,
      screenTitle: p.screenTitle,
      documents: p.documents,
      fields: p.fields.map((f) => ({
        key: f.key,
        label: f.label,
        type: f.type,
        ...(f.options ? { options: f.options } : {}),
        required: f.required,
      })),
      done: state.practice.done,
    };
  const screen = p.screens.find((s) => s.id === state.practice?.screenId);
  return {
    kind: 'menu-path',
    instructions: p.instructions,
    appName: p.appName,
    screen:
      screen && !state.practice.done
        ? {
            id: screen.id,
            title: screen.title,
            options: screen.options.map((o) => ({ id: o.id, label: o.label })),
          }
        : null,
    step: state.practice.step,
    steps: p.expectedPath.length,
    done: state.practice.done,
  };
}

/**
 * What the learner sees of a run: the current scene with the choices offered now, the state
 * they may know, and at the end the debrief. Never the expected answers, the effects of
 * choices or the scenes ahead.
 */
export function runView(
  content: SimulationContent,
  run: RunRow,
  mediaSrc: (fileId: string) => string,
): SimulationRunView {
  const { scenario, settings } = content;
  const state = run.state;
  const scene = sceneOf(scenario, state.sceneId) as Scene;
  const media = scene.media
    ? {
        ...scene.media,
        src: scene.media.fileId ? mediaSrc(scene.media.fileId) : (scene.media.url ?? ''),
      }
    : null;
  const view: SceneView = {
    id: scene.id,
    title: scene.title,
    narrative: scene.narrative,
    speaker: scene.speaker ?? null,
    media,
    practice: practiceView(scene, state),
    choices: offeredChoices(scenario, state).map((c) => ({ id: c.id, label: c.label })),
  };
  return {
    id: run.id,
    seq: run.seq,
    status: run.status === 'ended' ? 'ended' : 'playing',
    startedAt: run.started_at.toISOString(),
    finishedAt: run.finished_at?.toISOString() ?? null,
    scene: view,
    variables: scenario.variables.map((v) => ({
      key: v.key,
      label: v.label,
      value: state.variables[v.key] ?? v.initial,
      min: v.min ?? null,
      max: v.max ?? null,
    })),
    scores: scenario.competencies.map((c) => ({
      key: c.key,
      label: c.label,
      value: state.scores[c.key] ?? 0,
    })),
    totalScore: totalScore(state),
    mistakes: state.mistakes,
    ending:
      state.ending && scene.ending
        ? {
            rating: state.ending.rating,
            debrief: scene.ending.debrief,
            completes: completes(settings, state),
          }
        : null,
  };
}
