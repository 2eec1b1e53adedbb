import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { SimulationAnalytics } from '@siantar/contracts';
import { simulationStrings } from '../player/player.fixtures';
import { analyticsFixture } from './analytics.fixtures';
import { percentOf, splitSeconds, transitionGroups } from './analytics-model';
import { SimulationAnalyticsComponent } from './simulation-analytics.component';

// ECharts ships as ES modules only; the charts are decorative (the tables carry the numbers).
const mockCharts: { setOption: jest.Mock; resize: jest.Mock; dispose: jest.Mock }[] = [];
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

const URL = '/api/v1/authoring/courses/c1/lessons/l1/simulation-analytics';

describe('SimulationAnalyticsComponent', () => {
  let fixture: ComponentFixture<SimulationAnalyticsComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null =>
    root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const cells = (row: Element): string[] =>
    Array.from(row.querySelectorAll('th, td')).map(
      (c) => c.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
  const rows = (id: string): string[][] =>
    Array.from(byTestId(id)?.querySelectorAll('tbody tr') ?? []).map(cells);

  async function setUp(): Promise<void> {
    mockCharts.length = 0;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', {
      ...simulationStrings('id'),
      common: { loading: 'Memuat…', none: '—' },
    });
    translate.use('id');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SimulationAnalyticsComponent);
    fixture.componentRef.setInput('courseId', 'c1');
    fixture.componentRef.setInput('lessonId', 'l1');
    await fixture.whenStable();
  }

  async function open(data: SimulationAnalytics): Promise<void> {
    await setUp();
    http.expectOne(URL).flush(data);
    await fixture.whenStable();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/simulation\.(player|analytics)\./);
  });

  it('shows the totals, the endings, the paths, the mistakes, the OPD averages and the times', async () => {
    await open(analyticsFixture());
    expect(byTestId('analytics-lesson')?.textContent).toContain('Melayani permohonan akta');
    const stats = Array.from(byTestId('analytics-stats')?.querySelectorAll('div') ?? []).map(
      (d) => [
        d.querySelector('dt')?.textContent?.trim(),
        d.querySelector('dd')?.textContent?.trim(),
      ],
    );
    expect(stats).toEqual([
      ['Permainan', '40'],
      ['Selesai', '32'],
      ['Peserta', '25'],
    ]);
    expect(byTestId('back-to-course')?.getAttribute('href')).toBe('/penulisan/c1');

    expect(rows('analytics-endings')).toEqual([
      ['Warga pulang dengan puas', 'Terbaik', '20', '62.5%'],
      ['Selesai tapi lambat', 'Cukup', '8', '25%'],
      ['Warga marah', 'Kurang', '4', '12.5%'],
    ]);

    // The path table: one row group per scene left, its header spanning its moves, most taken first.
    const from = byTestId('path-from-awal');
    const header = from?.querySelector('th[scope="rowgroup"]');
    expect(header?.textContent?.trim()).toBe('Warga datang');
    expect(header?.getAttribute('rowspan')).toBe('2');
    expect(rows('analytics-paths')).toEqual([
      ['Warga datang', 'Sapa dengan ramah', 'Cari menu', '30', '75%'],
      ['Suruh antre lagi', 'Warga marah', '10', '25%'],
      ['Cari menu', 'Cetak akta', 'Warga pulang dengan puas', '20', '100%'],
    ]);

    expect(rows('analytics-wrong-choices')).toEqual([['Warga datang', 'Suruh antre lagi', '10']]);
    expect(rows('analytics-practice-mistakes')).toEqual([
      ['Warga datang', 'NIK', '1273015208900001', '14'],
    ]);

    const opdHead = cells(byTestId('analytics-opd')?.querySelector('thead tr') as Element);
    expect(opdHead).toEqual(['OPD', 'Selesai', 'Empati', 'Ketepatan prosedur']);
    expect(rows('analytics-opd')).toEqual([
      ['Dinas Kependudukan dan Pencatatan Sipil', '20', '7.3', '4'],
      ['Kecamatan Siantar Barat', '12', '-2.5', '—'],
    ]);

    expect(rows('analytics-time')).toEqual([
      ['Warga datang', '1 mnt 35 dtk', '40'],
      ['Cari menu', '42 dtk', '30'],
    ]);

    // Two charts (endings, OPD), fed the same numbers as their tables.
    expect(mockCharts).toHaveLength(2);
    const [endings, opd] = mockCharts.map((c) => c.setOption.mock.calls.at(-1)?.[0]);
    expect(endings.xAxis.data).toEqual([
      'Warga pulang dengan puas',
      'Selesai tapi lambat',
      'Warga marah',
    ]);
    expect(endings.series[0].data.map((d: { value: number }) => d.value)).toEqual([20, 8, 4]);
    expect(opd.yAxis.data).toEqual([
      'Dinas Kependudukan dan Pencatatan Sipil',
      'Kecamatan Siantar Barat',
    ]);
    expect(opd.series.map((s: { name: string; data: number[] }) => [s.name, s.data])).toEqual([
      ['Empati', [7.25, -2.5]],
      ['Ketepatan prosedur', [4, 0]],
    ]);
  });

  it('says so when nobody has played yet', async () => {
    await open(
      analyticsFixture({
        runs: 0,
        finished: 0,
        learners: 0,
        endings: [],
        transitions: [],
        wrongChoices: [],
        practiceMistakes: [],
        competencyByOpd: [],
        secondsPerScene: [],
      }),
    );
    expect(byTestId('analytics-empty')?.textContent).toContain('Belum ada peserta');
    expect(byTestId('analytics-endings')).toBeNull();
    expect(mockCharts).toHaveLength(0);
  });

  it('shows the problem when the analytics cannot be read', async () => {
    await setUp();
    http.expectOne(URL).flush(
      {
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        detail: 'Anda bukan penulis kursus ini.',
        code: 'auth.forbidden',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await fixture.whenStable();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain(
      'Anda bukan penulis kursus ini.',
    );
  });
});

describe('analytics model', () => {
  it('groups moves by the scene they leave, with their shares', () => {
    const groups = transitionGroups(analyticsFixture().transitions);
    expect(
      groups.map((g) => [g.fromSceneId, g.total, g.moves.map((m) => [m.choiceId, m.share])]),
    ).toEqual([
      [
        'awal',
        40,
        [
          ['sapa', 75],
          ['ketus', 25],
        ],
      ],
      ['menu', 20, [['cetak', 100]]],
    ]);
  });

  it('splits seconds and takes shares safely', () => {
    expect(splitSeconds(95)).toEqual({ minutes: 1, seconds: 35 });
    expect(splitSeconds(59.6)).toEqual({ minutes: 1, seconds: 0 });
    expect(splitSeconds(-3)).toEqual({ minutes: 0, seconds: 0 });
    expect(percentOf(1, 0)).toBe(0);
  });
});
