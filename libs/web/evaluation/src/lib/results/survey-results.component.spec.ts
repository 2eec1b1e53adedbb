import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { SurveyResults } from '@siantar/contracts';
import { ITEM, problem, setUpEvaluationTest, surveyResults, text } from '../testing/fixtures';
import { SurveyResultsComponent } from './survey-results.component';
import { distributionPercent } from './survey-results-view.component';

const mockCharts: { setOption: jest.Mock }[] = [];
jest.mock('echarts/core', () => ({
  use: jest.fn(),
  init: jest.fn(() => {
    const chart = { setOption: jest.fn(), resize: jest.fn(), dispose: jest.fn() };
    mockCharts.push(chart);
    return chart;
  }),
}));
jest.mock('echarts/charts', () => ({ BarChart: {} }));
jest.mock('echarts/components', () => ({
  AriaComponent: {},
  GridComponent: {},
  LegendComponent: {},
  TooltipComponent: {},
}));
jest.mock('echarts/renderers', () => ({ SVGRenderer: {} }));

const COURSE_URL = '/api/v1/evaluation/courses/c1/survey-results';
const SESSION_URL = '/api/v1/evaluation/live-sessions/s1/survey-results';

describe('distributionPercent', () => {
  it('gives each score its share in percent', () => {
    expect(distributionPercent([0, 1, 2, 5, 8])).toEqual([0, 6.3, 12.5, 31.3, 50]);
    expect(distributionPercent([0, 0, 0, 0, 0])).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('SurveyResultsComponent', () => {
  let fixture: ComponentFixture<SurveyResultsComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null =>
    root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const rows = (id: string): string[][] =>
    Array.from(byTestId(id)?.querySelectorAll('tbody tr') ?? []).map((r) =>
      Array.from(r.querySelectorAll('th, td')).map(text),
    );
  const settle = async (): Promise<void> => {
    await fixture.whenStable();
    fixture.detectChanges();
    await fixture.whenStable();
  };

  async function render(
    results: SurveyResults,
    input: Record<string, string> = { kind: 'course', courseId: 'c1' },
  ): Promise<void> {
    mockCharts.length = 0;
    http = setUpEvaluationTest();
    fixture = TestBed.createComponent(SurveyResultsComponent);
    for (const [k, v] of Object.entries(input)) {
      fixture.componentRef.setInput(k, v);
    }
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === (input['kind'] === 'session' ? SESSION_URL : COURSE_URL))
      .flush(results);
    await settle();
  }

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/evaluation\./);
  });

  it('shows the averages per dimension and the distribution, each beside its table, the items and the comments', async () => {
    await render(surveyResults());
    expect(text(byTestId('results-target'))).toBe('Pelayanan Prima Adminduk');
    expect(byTestId('results-back')?.getAttribute('href')).toBe('/penulisan/c1');
    expect(byTestId('results-programme')).toBeNull();
    expect(text(byTestId('results-count'))).toBe('8 tanggapan (ambang anonimitas 5).');
    expect(text(byTestId('results-overall'))).toContain('4,25');
    expect(rows('results-dimensions')).toEqual([
      ['Materi', '4,50', '8'],
      ['Pengajar/fasilitator', '4,00', '8'],
    ]);
    expect(rows('results-distribution')).toEqual([
      ['1 — Sangat tidak setuju', '0', '0'],
      ['2 — Tidak setuju', '1', '6,3'],
      ['3 — Netral', '2', '12,5'],
      ['4 — Setuju', '5', '31,3'],
      ['5 — Sangat setuju', '8', '50'],
    ]);
    expect(rows('results-items')[1]).toEqual([
      'Pengajar menguasai materi. sudah dihapus',
      'Pengajar/fasilitator',
      '0',
      '1',
      '1',
      '3',
      '3',
      '4,00',
    ]);
    expect(
      Array.from(byTestId('results-comments')?.querySelectorAll('li') ?? []).map(text),
    ).toEqual(['Tambah praktik.', 'Waktunya kurang.']);
    expect(text(byTestId('results-no-individual'))).toContain('tidak ditampilkan');
    expect(byTestId('results-individual')).toBeNull();
    // The charts: averages per dimension on a 0–5 axis, the five scores' counts.
    expect(mockCharts).toHaveLength(2);
    const options = mockCharts.map((c) => c.setOption.mock.calls.at(-1)?.[0]);
    const dims = options.find((o) => o.yAxis.type === 'category');
    const dist = options.find((o) => o.xAxis.type === 'category');
    expect(dims.yAxis.data).toEqual(['Materi', 'Pengajar/fasilitator']);
    expect(dims.xAxis.max).toBe(5);
    expect(dims.series[0].data).toEqual([4.5, 4]);
    expect(dist.series[0].data).toEqual([0, 1, 2, 5, 8]);
  });

  it('says "Belum cukup tanggapan (minimal N)" and shows nothing else below the threshold', async () => {
    await render(
      surveyResults({
        responses: 3,
        suppressed: true,
        needed: 2,
        overall: null,
        dimensions: [],
        items: [],
        comments: [],
      }),
    );
    expect(text(byTestId('results-suppressed'))).toBe(
      'Belum cukup tanggapan (minimal 5) Hasil ditampilkan setelah 2 tanggapan lagi.',
    );
    expect(byTestId('results-dimensions')).toBeNull();
    expect(byTestId('results-comments')).toBeNull();
    expect(mockCharts).toHaveLength(0);
  });

  it('lists individual responses only when the API returns them', async () => {
    await render(
      surveyResults({
        individualVisible: true,
        individual: [
          {
            responseId: 'r1',
            userId: 'u1',
            name: 'Rina Marpaung',
            nip: '198703122010012001',
            orgUnitName: 'Disdukcapil',
            submittedAt: '2026-11-02T03:00:00.000Z',
            answers: [
              { itemId: ITEM.content, score: 5, text: null },
              { itemId: ITEM.comment, score: null, text: 'Bagus' },
            ],
          },
        ],
      }),
    );
    const [row] = rows('results-individual');
    expect(row?.[0]).toContain('Rina Marpaung');
    expect(row?.[2]).toContain('Materi mudah dipahami. 5');
    expect(row?.[2]).toContain('Bagus');
    expect(byTestId('results-no-individual')).toBeNull();
  });

  it('reloads for a period and shows a refusal', async () => {
    await render(surveyResults(), { kind: 'session', sessionId: 's1' });
    const from = byTestId('period-from') as HTMLInputElement;
    from.value = '2026-10-01';
    from.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === SESSION_URL);
    expect(req.request.params.get('from')).toBe('2026-10-01');
    expect(req.request.params.has('to')).toBe(false);
    req.flush(problem(403, 'Hanya pengajar dan pengelola sesi.'), {
      status: 403,
      statusText: 'Forbidden',
    });
    await settle();
    expect(root().textContent).toContain('Hanya pengajar dan pengelola sesi.');
  });
});
