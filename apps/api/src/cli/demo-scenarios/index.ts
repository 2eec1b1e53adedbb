import type { SimulationContent } from '@siantar/scenario';
import { AKTA_SIMULATION } from './akta-kelahiran';
import { ANTREAN_SIMULATION } from './antrean';
import { demoPath } from './demo-path';
import { LANSIA_SIMULATION } from './lansia';

export { AKTA_SIMULATION, APP_NAME } from './akta-kelahiran';
export { ANTREAN_MIN_SCORE, ANTREAN_PATIENCE_FOR_ONLINE, ANTREAN_SIMULATION } from './antrean';
export { type DemoPath, type DemoStep, demoPath } from './demo-path';
export { LANSIA_SIMULATION } from './lansia';

/** A simulation lesson of the demo: its title, its duration, and its content as stored. */
export interface DemoSimulation {
  title: string;
  minutes: number;
  content: SimulationContent;
}

/**
 * The three demo scenario simulations of issue 8, drawn from the source document's case study
 * (ASN helping citizens use the newly launched online service so that queues shrink).
 */
export const DEMO_SIMULATIONS: DemoSimulation[] = [
  { title: AKTA_SIMULATION.scenario.title, minutes: 20, content: AKTA_SIMULATION },
  { title: ANTREAN_SIMULATION.scenario.title, minutes: 15, content: ANTREAN_SIMULATION },
  { title: LANSIA_SIMULATION.scenario.title, minutes: 15, content: LANSIA_SIMULATION },
];

/**
 * Scenario 1's best path (the browser journey): welcome and check the documents, offer the
 * application, find the menu (3 picks), fill the form (10 fields), review, upload everything,
 * explain tracking and pickup. No practice mistake; ends `best`.
 */
export const AKTA_BEST_PATH = demoPath(AKTA_SIMULATION.scenario, [
  'sambut-tanya',
  'tawarkan-bersama',
  'menu-ajak-isi',
  'formulir-baca-ulang',
  'unggah-lengkap',
  'selesai-jelaskan',
]);

/** Scenario 1's poor path: a paper form and the queue, then sent back to queue again. */
export const AKTA_POOR_PATH = demoPath(AKTA_SIMULATION.scenario, ['sambut-kertas', 'kertas-antre']);

/** Scenario 2's best path: listen, acknowledge, apply online together (score 14). */
export const ANTREAN_BEST_PATH = demoPath(ANTREAN_SIMULATION.scenario, [
  'marah-dengar',
  'dengar-akui',
  'keperluan-daring',
  'daring-dampingi',
]);

/** Scenario 2's poor path: a rebuke, then security called (below the minimum score). */
export const ANTREAN_POOR_PATH = demoPath(ANTREAN_SIMULATION.scenario, [
  'marah-aturan',
  'memanas-satpam',
]);

/** Scenario 3's best path: seat her, step by step, fill in together, her daughter, the guide. */
export const LANSIA_BEST_PATH = demoPath(LANSIA_SIMULATION.scenario, [
  'datang-duduk',
  'kebutuhan-bertahap',
  'isi-bersama',
  'keluarga-maria',
  'panduan-cetak',
]);

/** Scenario 3's poor path: jargon, then sent home to let her child deal with it. */
export const LANSIA_POOR_PATH = demoPath(LANSIA_SIMULATION.scenario, [
  'datang-istilah',
  'bingung-pulang',
]);
