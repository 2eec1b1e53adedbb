/**
 * A branching scenario: a graph of scenes joined by choices. It is plain data (stored as a
 * simulation lesson's content and versioned with the course), played by the same engine in
 * the browser (for instant feedback) and on the server (which keeps the record and refuses
 * moves the scenario does not offer).
 */
export const SCENARIO_SCHEMA_VERSION = 1;

export const ENDING_RATINGS = ['best', 'acceptable', 'poor'] as const;
export type EndingRating = (typeof ENDING_RATINGS)[number];

export interface Competency {
  /** Stable key used by effects, e.g. `empati`. */
  key: string;
  label: string;
}

/** A number the story keeps, e.g. the citizen's patience. */
export interface Variable {
  key: string;
  label: string;
  initial: number;
  min?: number;
  max?: number;
}

export const CONDITION_OPS = ['lt', 'lte', 'gt', 'gte', 'eq', 'neq'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** When a choice is offered: a comparison on a variable, or several combined. */
export type Condition =
  | { variable: string; op: ConditionOp; value: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export interface CompetencyEffect {
  competency: string;
  delta: number;
}

export interface VariableUpdate {
  variable: string;
  op: 'add' | 'set';
  value: number;
}

export interface Choice {
  id: string;
  label: string;
  /** null while the author has not connected it (a draft; publishing refuses it). */
  targetSceneId: string | null;
  /** Shown after choosing: why this was good or not. */
  feedback?: string;
  effects?: CompetencyEffect[];
  updates?: VariableUpdate[];
  /** Offered only while it holds; hidden otherwise. */
  condition?: Condition;
}

/** Someone speaking in the scene, e.g. a citizen at the Disdukcapil counter. */
export interface Speaker {
  name: string;
  role?: string;
  /** How they come across, e.g. `kesal`, `bingung`, `tenang`. */
  mood?: string;
  line: string;
}

export interface SceneMedia {
  kind: 'image' | 'video';
  /** An uploaded file (POST /files) or an https URL. */
  fileId?: string;
  url?: string;
  /** Text alternative: what the picture shows, or what is said in the video. */
  alt: string;
}

export interface Ending {
  rating: EndingRating;
  /** What happened and the better path, shown at the end. */
  debrief: string;
}

/** A field of a mock service application's form, with the answer the documents give. */
export interface PracticeField {
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'select';
  options?: string[];
  required: boolean;
  /** The mock application's own rule (e.g. a NIK has 16 digits), checked before the answer. */
  pattern?: string;
  patternMessage?: string;
  /** The right value, from the documents shown in the scene. */
  expected: string;
  /** How answers compare with `expected` (default: ignoring case and outer spaces). */
  match?: 'exact' | 'case-insensitive' | 'digits';
  /** Why the expected value is right: shown when the learner gets it wrong. */
  explain: string;
}

/** A document the citizen brought (KTP, KK…), shown beside the form. */
export interface PracticeDocument {
  title: string;
  lines: { label: string; value: string }[];
}

export interface FormPractice {
  kind: 'form';
  instructions: string;
  appName: string;
  screenTitle: string;
  documents: PracticeDocument[];
  fields: PracticeField[];
  /** The competency each mistake costs, and how much. */
  competency?: string;
  penaltyPerMistake?: number;
}

export interface MenuScreen {
  id: string;
  title: string;
  options: { id: string; label: string; nextScreenId: string | null }[];
}

/** Finding the way through the application's menus: each pick must be the expected one. */
export interface MenuPathPractice {
  kind: 'menu-path';
  instructions: string;
  appName: string;
  screens: MenuScreen[];
  startScreenId: string;
  /** The option ids to pick, in order, from the start screen. */
  expectedPath: string[];
  /** Why this path: shown on a wrong pick. */
  explain: string;
  competency?: string;
  penaltyPerMistake?: number;
}

export type PracticeTask = FormPractice | MenuPathPractice;

export interface Scene {
  id: string;
  title: string;
  /** Sanitised HTML. */
  narrative: string;
  speaker?: Speaker;
  media?: SceneMedia;
  /** Done before the choices of the scene are offered. */
  practice?: PracticeTask;
  choices: Choice[];
  /** A scene with an ending closes the run; it has no choices. */
  ending?: Ending;
  /** Where the editor draws it. */
  position?: { x: number; y: number };
}

export interface Scenario {
  schemaVersion: typeof SCENARIO_SCHEMA_VERSION;
  title: string;
  competencies: Competency[];
  variables: Variable[];
  startSceneId: string;
  scenes: Scene[];
}

/** How a simulation lesson completes and which run counts. */
export interface SimulationSettings {
  /** `ending`: reaching any ending; `min-score`: an ending with at least `minScore` points. */
  completion: 'ending' | 'min-score';
  minScore?: number;
  /** Which run's result stands when the learner plays again. */
  counts: 'best' | 'last';
}

/** A simulation lesson's content. */
export interface SimulationContent {
  scenario: Scenario;
  settings: SimulationSettings;
}
