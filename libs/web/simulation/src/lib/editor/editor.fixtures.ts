// Test-only (specs import it): the app's real strings and a small scenario to edit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TranslationObject } from '@ngx-translate/core';
import type { Scenario, SimulationContent } from '@siantar/scenario';

/** The app's strings: the simulation area's file plus `common` from the main file. */
export function editorStrings(lang: 'id' | 'en' = 'id'): TranslationObject {
  const root = join(__dirname, '../../../../../../apps/web/public/i18n');
  const area = JSON.parse(readFileSync(join(root, 'simulation', `${lang}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
  const main = JSON.parse(readFileSync(join(root, `${lang}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
  return { ...area, common: main['common'] } as TranslationObject;
}

/**
 * The counter: a form at the start (NIK from the KTP), a patience variable that hides the
 * curt option once low, a menu practice, three endings.
 */
export const counterScenario = (): Scenario => ({
  schemaVersion: 1,
  title: 'Loket Disdukcapil',
  competencies: [
    { key: 'empati', label: 'Empati' },
    { key: 'prosedur', label: 'Ketepatan prosedur' },
  ],
  variables: [{ key: 'sabar', label: 'Kesabaran warga', initial: 5, min: 0, max: 10 }],
  startSceneId: 'awal',
  scenes: [
    {
      id: 'awal',
      title: 'Warga datang',
      narrative: '<p>Seorang warga datang membawa KTP.</p>',
      speaker: { name: 'Pak Sinaga', mood: 'bingung', line: 'Saya mau urus akta.' },
      practice: {
        kind: 'form',
        instructions: 'Isi formulir.',
        appName: 'SIAK Daring',
        screenTitle: 'Permohonan',
        documents: [{ title: 'KTP', lines: [{ label: 'NIK', value: '1273015208900001' }] }],
        fields: [
          {
            key: 'nik',
            label: 'NIK',
            type: 'text',
            required: true,
            pattern: '\\d{16}',
            patternMessage: 'NIK harus 16 angka',
            expected: '1273015208900001',
            match: 'digits',
            explain: 'NIK ada di KTP.',
          },
        ],
        competency: 'prosedur',
        penaltyPerMistake: 2,
      },
      choices: [
        {
          id: 'sapa',
          label: 'Sapa dengan ramah',
          targetSceneId: 'menu',
          feedback: 'Bagus, warga merasa dihargai.',
          effects: [{ competency: 'empati', delta: 10 }],
          updates: [{ variable: 'sabar', op: 'add', value: 2 }],
        },
        {
          id: 'ketus',
          label: 'Suruh antre lagi',
          targetSceneId: 'marah',
          effects: [{ competency: 'empati', delta: -10 }],
          updates: [{ variable: 'sabar', op: 'add', value: -4 }],
        },
      ],
      position: { x: 24, y: 24 },
    },
    {
      id: 'menu',
      title: 'Cari menu',
      narrative: '<p>Buka aplikasi.</p>',
      practice: {
        kind: 'menu-path',
        instructions: 'Temukan menu akta.',
        appName: 'SIAK Daring',
        startScreenId: 'beranda',
        screens: [
          {
            id: 'beranda',
            title: 'Beranda',
            options: [
              { id: 'capil', label: 'Pencatatan Sipil', nextScreenId: 'capil' },
              { id: 'dafduk', label: 'Pendaftaran Penduduk', nextScreenId: null },
            ],
          },
          {
            id: 'capil',
            title: 'Pencatatan Sipil',
            options: [{ id: 'akta', label: 'Akta Kelahiran', nextScreenId: null }],
          },
        ],
        expectedPath: ['capil', 'akta'],
        explain: 'Akta ada di Pencatatan Sipil.',
        competency: 'prosedur',
        penaltyPerMistake: 1,
      },
      choices: [
        {
          id: 'selesai',
          label: 'Serahkan nomor pelacakan',
          targetSceneId: 'terbaik',
          effects: [{ competency: 'prosedur', delta: 10 }],
        },
      ],
      position: { x: 328, y: 24 },
    },
    {
      id: 'marah',
      title: 'Warga kesal',
      narrative: '<p>Warga mulai marah.</p>',
      choices: [
        {
          id: 'minta-maaf',
          label: 'Minta maaf',
          targetSceneId: 'cukup',
          effects: [{ competency: 'empati', delta: 5 }],
        },
        {
          id: 'ulang',
          label: 'Jelaskan lagi dengan singkat',
          targetSceneId: 'marah',
          updates: [{ variable: 'sabar', op: 'add', value: -1 }],
          condition: { variable: 'sabar', op: 'gte', value: 1 },
        },
        {
          id: 'usir',
          label: 'Panggil satpam',
          targetSceneId: 'buruk',
          condition: { not: { variable: 'sabar', op: 'gt', value: 0 } },
        },
      ],
      position: { x: 328, y: 128 },
    },
    {
      id: 'terbaik',
      title: 'Selesai',
      narrative: '<p>Warga puas.</p>',
      choices: [],
      ending: { rating: 'best', debrief: 'Anda membantu dengan tepat.' },
      position: { x: 632, y: 24 },
    },
    {
      id: 'cukup',
      title: 'Selesai juga',
      narrative: '<p>Warga pulang.</p>',
      choices: [],
      ending: { rating: 'acceptable', debrief: 'Lebih baik sapa sejak awal.' },
      position: { x: 632, y: 128 },
    },
    {
      id: 'buruk',
      title: 'Gagal',
      narrative: '<p>Warga pergi kesal.</p>',
      choices: [],
      ending: { rating: 'poor', debrief: 'Jangan mengusir warga.' },
      position: { x: 632, y: 232 },
    },
  ],
});

export const counterContent = (): SimulationContent => ({
  scenario: counterScenario(),
  settings: { completion: 'min-score', minScore: 15, counts: 'best' },
});
