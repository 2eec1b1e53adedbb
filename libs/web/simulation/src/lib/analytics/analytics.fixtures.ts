// Test-only (specs import it): a simulation's analytics as the API sends them.
import type { SimulationAnalytics } from '@siantar/contracts';

export function analyticsFixture(
  overrides: Partial<SimulationAnalytics> = {},
): SimulationAnalytics {
  return {
    lessonKey: 'lk1',
    title: 'Melayani permohonan akta kelahiran',
    runs: 40,
    finished: 32,
    learners: 25,
    endings: [
      { sceneId: 'puas', title: 'Warga pulang dengan puas', rating: 'best', count: 20 },
      { sceneId: 'lambat', title: 'Selesai tapi lambat', rating: 'acceptable', count: 8 },
      { sceneId: 'marah', title: 'Warga marah', rating: 'poor', count: 4 },
    ],
    transitions: [
      {
        fromSceneId: 'awal',
        fromTitle: 'Warga datang',
        toSceneId: 'marah',
        toTitle: 'Warga marah',
        choiceId: 'ketus',
        label: 'Suruh antre lagi',
        count: 10,
      },
      {
        fromSceneId: 'awal',
        fromTitle: 'Warga datang',
        toSceneId: 'menu',
        toTitle: 'Cari menu',
        choiceId: 'sapa',
        label: 'Sapa dengan ramah',
        count: 30,
      },
      {
        fromSceneId: 'menu',
        fromTitle: 'Cari menu',
        toSceneId: 'puas',
        toTitle: 'Warga pulang dengan puas',
        choiceId: 'cetak',
        label: 'Cetak akta',
        count: 20,
      },
    ],
    wrongChoices: [
      {
        sceneId: 'awal',
        sceneTitle: 'Warga datang',
        choiceId: 'ketus',
        label: 'Suruh antre lagi',
        count: 10,
      },
    ],
    practiceMistakes: [
      {
        sceneId: 'awal',
        sceneTitle: 'Warga datang',
        target: 'nik',
        label: 'NIK',
        expected: '1273015208900001',
        count: 14,
      },
    ],
    competencyByOpd: [
      {
        orgUnitId: 'o1',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        runs: 20,
        averages: [
          { key: 'empati', label: 'Empati', value: 7.25 },
          { key: 'prosedur', label: 'Ketepatan prosedur', value: 4 },
        ],
      },
      {
        orgUnitId: 'o2',
        name: 'Kecamatan Siantar Barat',
        runs: 12,
        averages: [{ key: 'empati', label: 'Empati', value: -2.5 }],
      },
    ],
    secondsPerScene: [
      { sceneId: 'awal', title: 'Warga datang', medianSeconds: 95, visits: 40 },
      { sceneId: 'menu', title: 'Cari menu', medianSeconds: 42.4, visits: 30 },
    ],
    ...overrides,
  };
}
