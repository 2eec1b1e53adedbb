import { rubricMark, rubricScores, rubricSelection, rubricTotal, wordCount } from './rubric-mark';

const RUBRIC = [
  {
    id: 'isi',
    name: 'Isi',
    levels: [
      { points: 0, description: 'Tidak ada' },
      { points: 2, description: 'Sebagian' },
      { points: 4, description: 'Lengkap' },
    ],
  },
  {
    id: 'bahasa',
    name: 'Bahasa',
    levels: [
      { points: 0, description: 'Kurang' },
      { points: 1, description: 'Baik' },
    ],
  },
];

describe('rubric mark', () => {
  it('is unknown until every criterion has a level', () => {
    expect(rubricTotal(RUBRIC, { isi: 2 })).toEqual({ points: 4, maxPoints: 5, complete: false });
    expect(rubricMark(RUBRIC, { isi: 2 }, 10)).toBeNull();
  });

  it('scales the chosen points to the question mark', () => {
    expect(rubricMark(RUBRIC, { isi: 2, bahasa: 1 }, 10)).toBe(10);
    expect(rubricMark(RUBRIC, { isi: 1, bahasa: 1 }, 10)).toBe(6);
    expect(rubricMark(RUBRIC, { isi: 1, bahasa: 0 }, 5)).toBe(2);
    // 3 of 5 points on a 7-point question: 4.2
    expect(rubricMark(RUBRIC, { isi: 1, bahasa: 1 }, 7)).toBe(4.2);
    // Two decimals: 2/3 of 1 → 0.67
    const thirds = [
      { id: 'a', name: 'A', levels: [0, 1, 2, 3].map((p) => ({ points: p, description: '' })) },
    ];
    expect(rubricMark(thirds, { a: 2 }, 1)).toBe(0.67);
  });

  it('gives the same mark as the points when the rubric is worth the question mark', () => {
    expect(rubricMark(RUBRIC, { isi: 1, bahasa: 1 }, 5)).toBe(3);
  });

  it('is 0 for a rubric without points and null without criteria', () => {
    const flat = [{ id: 'a', name: 'A', levels: [{ points: 0, description: '' }] }];
    expect(rubricMark(flat, { a: 0 }, 10)).toBe(0);
    expect(rubricMark([], {}, 10)).toBeNull();
  });

  it('sends the chosen points per criterion', () => {
    expect(rubricScores(RUBRIC, { isi: 2, bahasa: 0 })).toEqual([
      { criterionId: 'isi', points: 4 },
      { criterionId: 'bahasa', points: 0 },
    ]);
  });

  it('counts words', () => {
    expect(wordCount('  Pelayanan  publik\nyang prima. ')).toBe(4);
    expect(wordCount('')).toBe(0);
  });
});

describe('rubricSelection', () => {
  const rubric = [
    {
      id: 'isi',
      name: 'Isi',
      levels: [
        { points: 0, description: 'Tidak ada' },
        { points: 2, description: 'Sebagian' },
      ],
    },
  ];

  it('finds the level of each stored score and ignores unknown ones', () => {
    expect(
      rubricSelection(rubric, [
        { criterionId: 'isi', points: 2 },
        { criterionId: 'lain', points: 1 },
      ]),
    ).toEqual({ isi: 1 });
    expect(rubricSelection(rubric, null)).toEqual({});
  });
});
