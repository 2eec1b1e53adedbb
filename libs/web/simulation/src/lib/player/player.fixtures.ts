// Test-only (specs import it): the app's real simulation strings and run views as the API sends them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  SceneView,
  SimulationLessonView,
  SimulationRunSummary,
  SimulationRunView,
} from '@siantar/contracts';

/** The app's real strings of the simulation area (apps/web/public/i18n/simulation). */
export function simulationStrings(lang: 'id' | 'en' = 'id'): Record<string, unknown> {
  const file = join(__dirname, '../../../../../../apps/web/public/i18n/simulation', `${lang}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export const ENROLMENT = 'e1';
export const LESSON = 'l1';
export const RUN = 'r1';
export const LESSON_URL = `/api/v1/enrolments/${ENROLMENT}/lessons/${LESSON}/simulation`;
export const START_URL = `/api/v1/enrolments/${ENROLMENT}/lessons/${LESSON}/simulation-runs`;
export const ACTIONS_URL = `/api/v1/simulation-runs/${RUN}/actions`;
export const RUN_URL = `/api/v1/simulation-runs/${RUN}`;

/** The counter scene: Pak Sinaga brings his KTP; the form comes first. */
export function formScene(overrides: Partial<SceneView> = {}): SceneView {
  return {
    id: 'awal',
    title: 'Warga datang ke loket',
    narrative: '<p>Seorang warga datang membawa <strong>KTP</strong>.</p>',
    speaker: { name: 'Pak Sinaga', role: 'Warga', mood: 'bingung', line: 'Saya mau urus akta.' },
    media: {
      kind: 'image',
      fileId: 'f1',
      src: '/api/v1/files/f1/download',
      alt: 'Loket Disdukcapil yang ramai',
    },
    practice: {
      kind: 'form',
      instructions: 'Isi formulir permohonan sesuai dokumen warga.',
      appName: 'SIAK Daring',
      screenTitle: 'Permohonan akta',
      documents: [
        {
          title: 'KTP',
          lines: [
            { label: 'NIK', value: '1273015208900001' },
            { label: 'Nama', value: 'MARULI SINAGA' },
          ],
        },
      ],
      fields: [
        { key: 'nik', label: 'NIK', type: 'text', required: true },
        {
          key: 'jenis',
          label: 'Jenis dokumen',
          type: 'select',
          options: ['Akta Kelahiran', 'KK'],
          required: true,
        },
      ],
      done: false,
    },
    choices: [],
    ...overrides,
  };
}

export function menuScene(
  screen: { id: string; title: string; options: { id: string; label: string }[] } | null = {
    id: 'beranda',
    title: 'Beranda',
    options: [
      { id: 'capil', label: 'Pencatatan Sipil' },
      { id: 'dafduk', label: 'Pendaftaran Penduduk' },
    ],
  },
  step = 0,
): SceneView {
  return {
    id: 'menu',
    title: 'Mencari menu',
    narrative: '<p>Buka aplikasi.</p>',
    speaker: null,
    media: null,
    practice: {
      kind: 'menu-path',
      instructions: 'Temukan menu akta kelahiran.',
      appName: 'SIAK Daring',
      screen,
      step,
      steps: 2,
      done: screen === null,
    },
    choices: screen === null ? [{ id: 'cetak', label: 'Cetak akta' }] : [],
  };
}

export function endingScene(): SceneView {
  return {
    id: 'puas',
    title: 'Warga pulang dengan puas',
    narrative: '<p>Akta selesai hari itu juga.</p>',
    speaker: null,
    media: null,
    practice: null,
    choices: [],
  };
}

export function run(overrides: Partial<SimulationRunView> = {}): SimulationRunView {
  return {
    id: RUN,
    seq: 0,
    status: 'playing',
    startedAt: '2026-03-02T02:00:00.000Z',
    finishedAt: null,
    scene: formScene(),
    variables: [{ key: 'sabar', label: 'Kesabaran warga', value: 5, min: 0, max: 10 }],
    scores: [
      { key: 'empati', label: 'Empati', value: 0 },
      { key: 'prosedur', label: 'Ketepatan prosedur', value: 0 },
    ],
    totalScore: 0,
    mistakes: [],
    ending: null,
    ...overrides,
  };
}

export function summary(overrides: Partial<SimulationRunSummary> = {}): SimulationRunSummary {
  return {
    id: RUN,
    startedAt: '2026-03-02T02:00:00.000Z',
    finishedAt: '2026-03-02T02:10:00.000Z',
    rating: 'best',
    totalScore: 18,
    completes: true,
    ...overrides,
  };
}

export function lessonView(overrides: Partial<SimulationLessonView> = {}): SimulationLessonView {
  return {
    lessonId: LESSON,
    title: 'Melayani permohonan akta kelahiran',
    completion: 'ending',
    minScore: null,
    counts: 'best',
    run: null,
    counted: null,
    runs: [],
    ...overrides,
  };
}
