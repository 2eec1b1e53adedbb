import {
  type FormPractice,
  type MenuPathPractice,
  SCENARIO_SCHEMA_VERSION,
  type SimulationContent,
} from '@siantar/scenario';

/** A new simulation: a start scene whose one choice leads to an ending, completing on any ending. */
export function starterContent(title = 'Skenario baru'): SimulationContent {
  return {
    scenario: {
      schemaVersion: SCENARIO_SCHEMA_VERSION,
      title,
      competencies: [],
      variables: [],
      startSceneId: 'awal',
      scenes: [
        {
          id: 'awal',
          title: 'Pembukaan',
          narrative: '',
          choices: [{ id: 'pilihan-1', label: 'Lanjutkan', targetSceneId: 'akhir' }],
          position: { x: 24, y: 24 },
        },
        {
          id: 'akhir',
          title: 'Akhir cerita',
          narrative: '',
          choices: [],
          ending: { rating: 'best', debrief: '' },
          position: { x: 328, y: 24 },
        },
      ],
    },
    settings: { completion: 'ending', counts: 'best' },
  };
}

/** A form practice to fill in: one document, one text field. */
export const starterFormPractice = (): FormPractice => ({
  kind: 'form',
  instructions: '',
  appName: '',
  screenTitle: '',
  documents: [{ title: 'KTP', lines: [{ label: 'NIK', value: '' }] }],
  fields: [
    {
      key: 'isian-1',
      label: '',
      type: 'text',
      required: true,
      expected: '',
      explain: '',
    },
  ],
});

/** A menu practice to fill in: a home screen with one option. */
export const starterMenuPractice = (): MenuPathPractice => ({
  kind: 'menu-path',
  instructions: '',
  appName: '',
  screens: [
    { id: 'layar-1', title: 'Beranda', options: [{ id: 'menu-1', label: '', nextScreenId: null }] },
  ],
  startScreenId: 'layar-1',
  expectedPath: [],
  explain: '',
});
