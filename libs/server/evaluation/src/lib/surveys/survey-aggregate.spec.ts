import { aggregate, anonymityGate, type ItemMeta, summarise } from './survey-aggregate';

const items: ItemMeta[] = [
  { id: 'c1', kind: 'likert', dimension: 'content', text: 'Materi jelas', retired: false },
  { id: 'c2', kind: 'likert', dimension: 'content', text: 'Materi runtut', retired: false },
  { id: 't1', kind: 'likert', dimension: 'trainer', text: 'Pengajar menguasai', retired: false },
  { id: 'old', kind: 'likert', dimension: 'method', text: 'Butir lama', retired: true },
  { id: 'x', kind: 'text', dimension: null, text: 'Saran', retired: false },
  { id: 'gone', kind: 'text', dimension: null, text: 'Pertanyaan lama', retired: true },
];

describe('anonymityGate', () => {
  it('holds results back below the threshold and says how many more are needed', () => {
    expect(anonymityGate(0, 5, false)).toEqual({ suppressed: true, needed: 5 });
    expect(anonymityGate(4, 5, false)).toEqual({ suppressed: true, needed: 1 });
  });

  it('shows them at and above the threshold', () => {
    expect(anonymityGate(5, 5, false)).toEqual({ suppressed: false, needed: 0 });
    expect(anonymityGate(12, 5, false)).toEqual({ suppressed: false, needed: 0 });
  });

  it('does not hold back a caller who may read every response anyway', () => {
    expect(anonymityGate(1, 5, true)).toEqual({ suppressed: false, needed: 0 });
  });
});

describe('summarise', () => {
  it('counts, averages to two decimals and spreads scores over 1..5', () => {
    expect(
      summarise([
        { score: 5, count: 2 },
        { score: 4, count: 1 },
        { score: 1, count: 0 },
      ]),
    ).toEqual({ answers: 3, average: 4.67, distribution: [0, 0, 0, 1, 2] });
  });

  it('has no average without answers', () => {
    expect(summarise([])).toEqual({ answers: 0, average: null, distribution: [0, 0, 0, 0, 0] });
  });

  it('refuses a score outside 1..5 (the database check makes it impossible)', () => {
    expect(() => summarise([{ score: 6, count: 1 }])).toThrow('out of range');
  });
});

describe('aggregate', () => {
  const counts = [
    { itemId: 'c1', score: 5, count: 3 },
    { itemId: 'c1', score: 4, count: 2 },
    { itemId: 'c2', score: 3, count: 5 },
    { itemId: 't1', score: 2, count: 1 },
    { itemId: 't1', score: 4, count: 4 },
  ];

  it('averages per item, per dimension (weighted by answers) and overall', () => {
    const r = aggregate(items, counts, []);
    expect(r.items.map((i) => [i.itemId, i.answers, i.average])).toEqual([
      ['c1', 5, 4.6],
      ['c2', 5, 3],
      ['t1', 5, 3.6],
    ]);
    expect(r.dimensions).toEqual([
      expect.objectContaining({
        dimension: 'content',
        label: 'Materi',
        answers: 10,
        average: 3.8,
        distribution: [0, 0, 5, 2, 3],
      }),
      expect.objectContaining({ dimension: 'trainer', answers: 5, average: 3.6 }),
    ]);
    expect(r.overall).toEqual({ answers: 15, average: 3.73, distribution: [0, 1, 5, 6, 3] });
  });

  it('lists a retired item only when it was answered, marked as retired', () => {
    const r = aggregate(items, [...counts, { itemId: 'old', score: 1, count: 2 }], []);
    expect(r.items.at(-1)).toMatchObject({ itemId: 'old', retired: true, average: 1 });
    expect(r.dimensions.map((d) => d.dimension)).toEqual(['content', 'trainer', 'method']);
  });

  it('keeps dimensions in the canonical order whatever the item order', () => {
    const r = aggregate([...items].reverse(), counts, []);
    expect(r.dimensions.map((d) => d.dimension)).toEqual(['content', 'trainer']);
  });

  it('ignores counts of items it was not given in the overall figures', () => {
    const r = aggregate(items, [...counts, { itemId: 'elsewhere', score: 1, count: 9 }], []);
    expect(r.overall.answers).toBe(15);
  });

  it('groups open answers per question, trimmed, blank ones dropped, alphabetically (not by arrival)', () => {
    const r = aggregate(items, counts, [
      { itemId: 'x', text: '  Tambah latihan ' },
      { itemId: 'x', text: 'Contoh kasus lebih banyak' },
      { itemId: 'x', text: '   ' },
      { itemId: 'x', text: 'Aplikasi sering lambat' },
    ]);
    expect(r.comments).toEqual([
      {
        itemId: 'x',
        question: 'Saran',
        comments: ['Aplikasi sering lambat', 'Contoh kasus lebih banyak', 'Tambah latihan'],
      },
    ]);
  });
});
