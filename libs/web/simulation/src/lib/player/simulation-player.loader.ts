import type { Type } from '@angular/core';

/**
 * The simulation lesson (`<sb-simulation-player>`: inputs `enrolmentId`, `lessonId`; output
 * `runEnded`), loaded on demand so that the app's eager bundle stays light.
 */
export function loadSimulationPlayerComponent(): Promise<Type<unknown>> {
  return import('./simulation-player.component').then((m) => m.SimulationPlayerComponent);
}
