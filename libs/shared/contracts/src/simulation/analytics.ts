import type { EndingRating } from '@siantar/scenario';

/** What the learners did in one simulation lesson, across its course versions. */
export interface SimulationAnalytics {
  lessonKey: string;
  title: string;
  runs: number;
  finished: number;
  learners: number;
  endings: { sceneId: string; title: string; rating: EndingRating; count: number }[];
  /** Scene-to-scene moves: the path view (a Sankey or a table). */
  transitions: {
    fromSceneId: string;
    fromTitle: string;
    toSceneId: string;
    toTitle: string;
    choiceId: string;
    label: string;
    count: number;
  }[];
  /** Choices that cost points (their effects sum below zero), most taken first. */
  wrongChoices: {
    sceneId: string;
    sceneTitle: string;
    choiceId: string;
    label: string;
    count: number;
  }[];
  practiceMistakes: {
    sceneId: string;
    sceneTitle: string;
    target: string;
    label: string;
    expected: string;
    count: number;
  }[];
  /** Average final score per competency, per OPD of the learner (finished runs). */
  competencyByOpd: {
    orgUnitId: string;
    name: string;
    runs: number;
    averages: { key: string; label: string; value: number }[];
  }[];
  /** Median seconds spent per scene. */
  secondsPerScene: { sceneId: string; title: string; medianSeconds: number; visits: number }[];
}
