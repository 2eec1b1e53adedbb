// Scenario simulations in the browser: the player, the editor and the trainer's analytics.
// The app's routes and the lesson player load it on demand; screens load lazily from there.

// learner: the simulation lesson (the lesson player loads it on demand)
export * from './lib/player/simulation-player.loader';
export { SIMULATION_RECONNECT_DELAYS } from './lib/player/reconnect';
export * from './lib/api/simulation.api';

// trainer: analytics
export * from './lib/analytics/simulation-analytics.routes';

// trainer: the scenario editor (used by the authoring lesson dialog, itself loaded lazily)
export { ScenarioEditorComponent, type EditorTab } from './lib/editor/scenario-editor.component';
export {
  ScenarioEditorDialogComponent,
  openScenarioEditor,
  type ScenarioEditorDialogData,
} from './lib/editor/scenario-editor-dialog.component';
export { SimulationLessonFieldComponent } from './lib/editor/simulation-lesson-field.component';
export { starterContent } from './lib/editor/starter-content';
export { startRunAt } from './lib/editor/preview-state';
