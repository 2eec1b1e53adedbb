import type { Scenario } from '../model';

/**
 * A small counter scenario for the tests: a form at the start, a patience variable that
 * hides the rude-but-quick option once low, a menu practice, three endings.
 */
export const sampleScenario = (): Scenario => ({
  schemaVersion: 1,
  title: 'Loket uji',
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
          {
            key: 'jenis',
            label: 'Jenis dokumen',
            type: 'select',
            options: ['Akta Kelahiran', 'KK'],
            required: true,
            expected: 'Akta Kelahiran',
            explain: 'Warga mengurus akta.',
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
          feedback: 'Bagus.',
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
    },
    {
      id: 'terbaik',
      title: 'Selesai',
      narrative: '<p>Warga puas.</p>',
      choices: [],
      ending: { rating: 'best', debrief: 'Anda membantu dengan tepat.' },
    },
    {
      id: 'cukup',
      title: 'Selesai juga',
      narrative: '<p>Warga pulang.</p>',
      choices: [],
      ending: { rating: 'acceptable', debrief: 'Lebih baik sapa sejak awal.' },
    },
    {
      id: 'buruk',
      title: 'Gagal',
      narrative: '<p>Warga pergi kesal.</p>',
      choices: [],
      ending: { rating: 'poor', debrief: 'Jangan mengusir warga.' },
    },
  ],
});
