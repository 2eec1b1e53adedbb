import { HttpEventType, HttpResponse } from '@angular/common/http';
import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { FollowUpFigures, ProgrammeEvaluation } from '@siantar/contracts';
import { problem, setUpEvaluationTest, surveyResults, text } from '../testing/fixtures';
import { followUpCompletion, reportFileName, signed } from './programme-model';
import { ProgrammePageComponent } from './programme-page.component';

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

const URL = '/api/v1/evaluation/courses/c1';
const PDF = '/api/v1/evaluation/courses/c1/report.pdf';

function figures(): FollowUpFigures {
  return {
    courseId: 'c1',
    days: [30, 90],
    completed: 20,
    actionPlansSubmitted: 15,
    offsets: [
      {
        offsetDays: 30,
        scheduled: 0,
        pending: 2,
        overdue: 1,
        done: 12,
        reported: 14,
        confirmationsRequired: 14,
        confirmed: 11,
      },
      {
        offsetDays: 90,
        scheduled: 5,
        pending: 0,
        overdue: 0,
        done: 0,
        reported: 0,
        confirmationsRequired: 0,
        confirmed: 0,
      },
    ],
    totals: {
      scheduled: 5,
      pending: 2,
      overdue: 1,
      done: 12,
      reported: 14,
      confirmationsRequired: 14,
      confirmed: 11,
    },
    supervisorConfirmedPercent: 78.6,
    averageScores: [
      { question: 'applies', average: 4.2, answers: 11 },
      { question: 'action-plan', average: 3.9, answers: 11 },
      { question: 'performance', average: 4, answers: 11 },
      { question: 'shares', average: null, answers: 0 },
    ],
    itemStatuses: { 'not-started': 1, 'in-progress': 4, done: 9, dropped: 1 },
  };
}

function programme(overrides: Partial<ProgrammeEvaluation> = {}): ProgrammeEvaluation {
  return {
    course: {
      id: 'c1',
      code: 'ADM-01',
      title: 'Pelayanan Prima Adminduk',
      ownerOrgUnitName: 'Disdukcapil',
      jp: 4,
      enrolled: 25,
      completed: 20,
    },
    from: null,
    to: null,
    generatedAt: '2026-11-29T03:00:00.000Z',
    l1: {
      course: surveyResults(),
      sessions: [
        {
          sessionId: 's1',
          title: 'Webinar IKD',
          startsAt: '2026-10-10T03:00:00.000Z',
          responses: 2,
          threshold: 5,
          suppressed: true,
          needed: 3,
          overall: null,
          dimensions: [],
        },
      ],
    },
    l2: {
      courseId: 'c1',
      available: true,
      reason: null,
      preQuizId: 'q1',
      postQuizId: 'q2',
      learners: [
        { userId: 'u1', name: 'Rina Marpaung', pre: 50, post: 80, gain: 30, normalisedGain: 0.6 },
        {
          userId: 'u2',
          name: 'Budi Sitorus',
          pre: 60,
          post: null,
          gain: null,
          normalisedGain: null,
        },
      ],
      paired: 18,
      averagePre: 55.5,
      averagePost: 81.25,
      averageGain: 25.75,
      averageNormalisedGain: 0.55,
      classNormalisedGain: 0.58,
    },
    l3: figures(),
    l4: {
      courseId: 'c1',
      canDefine: true,
      scope: 'all',
      indicators: [
        {
          id: 'i1',
          courseId: 'c1',
          name: 'Rata-rata waktu tunggu loket',
          unit: 'menit',
          direction: 'lower-is-better',
          description: '',
          values: [
            {
              orgUnitId: 'o1',
              orgUnitName: 'Disdukcapil',
              before: 40,
              after: 25,
              measuredBefore: '2026-09-01',
              measuredAfter: '2026-11-20',
              change: -15,
              changePercent: -37.5,
              improved: true,
              note: '',
              editable: true,
              updatedAt: '2026-11-20T03:00:00.000Z',
            },
            {
              orgUnitId: 'o2',
              orgUnitName: 'DPMPTSP',
              before: 30,
              after: 33,
              measuredBefore: '2026-09-01',
              measuredAfter: '2026-11-20',
              change: 3,
              changePercent: 10,
              improved: false,
              note: '',
              editable: true,
              updatedAt: '2026-11-20T03:00:00.000Z',
            },
          ],
          summary: { opds: 2, measured: 2, improved: 1 },
        },
      ],
    },
    ...overrides,
  };
}

describe('programme model', () => {
  it('computes the share of asked follow-ups done, signs changes and names the report', () => {
    expect(followUpCompletion(figures())).toBe(80);
    expect(signed(-15, 4)).toBe('−15');
    expect(signed(2.5)).toBe('+2,5');
    expect(signed(null)).toBe('—');
    expect(reportFileName('ADM 01/x')).toBe('evaluasi-ADM-01-x.pdf');
  });
});

describe('ProgrammePageComponent', () => {
  let fixture: ComponentFixture<ProgrammePageComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null =>
    root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const details = (id: string): string[][] => {
    const dl = byTestId(id);
    const dts = Array.from(dl?.querySelectorAll('dt') ?? []).map(text);
    const dds = Array.from(dl?.querySelectorAll('dd') ?? []).map(text);
    return dts.map((t, i) => [t, dds[i] ?? '']);
  };
  const settle = async (): Promise<void> => {
    await fixture.whenStable();
    fixture.detectChanges();
    await fixture.whenStable();
  };

  async function render(data: ProgrammeEvaluation = programme()): Promise<void> {
    mockCharts.length = 0;
    http = setUpEvaluationTest();
    fixture = TestBed.createComponent(ProgrammePageComponent);
    fixture.componentRef.setInput('courseId', 'c1');
    await fixture.whenStable();
    http.expectOne((r) => r.url === URL).flush(data);
    await settle();
  }

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/evaluation\./);
  });

  it('shows L1–L4 side by side, each with its key figure, a chart and the numbers', async () => {
    await render();
    expect(text(byTestId('programme-course'))).toBe('ADM-01 Pelayanan Prima Adminduk');
    expect(Array.from(root().querySelectorAll('.sbe-levels > section h2')).map(text)).toEqual([
      'Level 1 — Reaksi (survei)',
      'Level 2 — Pembelajaran (pre/post-test)',
      'Level 3 — Perilaku (tindak lanjut)',
      'Level 4 — Hasil (indikator unit)',
    ]);
    // L1
    expect(text(byTestId('l1-figure'))).toBe('4,25');
    expect(details('l1-dimensions')).toEqual([
      ['Materi', '4,50'],
      ['Pengajar/fasilitator', '4,00'],
    ]);
    expect(text(byTestId('l1-sessions'))).toContain('Belum cukup tanggapan (minimal 5)');
    expect(byTestId('l1-link')?.getAttribute('href')).toBe('/evaluasi/kursus/c1/survei');
    // L2
    expect(text(byTestId('l2-figure'))).toBe('+25,8 poin');
    expect(details('l2-figures')).toEqual([
      ['Pre-test', '55,5'],
      ['Post-test', '81,3'],
      ['Kenaikan rata-rata', '+25,8 poin'],
      ['Gain ternormalisasi (kelas)', '0,58'],
    ]);
    expect(
      Array.from(byTestId('l2-learners')?.querySelectorAll('tbody tr') ?? []).map((r) =>
        Array.from(r.querySelectorAll('th, td')).map(text),
      ),
    ).toEqual([
      ['Rina Marpaung', '50', '80', '+30'],
      ['Budi Sitorus', '60', '—', '—'],
    ]);
    // L3
    expect(text(byTestId('l3-figure'))).toBe('80%');
    expect(details('l3-figures').slice(0, 3)).toEqual([
      ['RTL ditulis', '15/20'],
      ['Dikonfirmasi atasan', '11/14 (78,6%)'],
      ['30 hari', '12 selesai, 2 menunggu, 1 terlambat, 0 terjadwal'],
    ]);
    // L4: before/after per OPD, with the change and whether it went the indicator's way.
    expect(text(byTestId('l4-figure-i1'))).toBe('1/2');
    const rows = Array.from(byTestId('l4-values-i1')?.querySelectorAll('tbody tr') ?? []).map((r) =>
      Array.from(r.querySelectorAll('th, td')).map(text),
    );
    expect(rows).toEqual([
      ['Disdukcapil', '40', '25', '−15 (−37,5%) membaik'],
      ['DPMPTSP', '30', '33', '+3 (+10%) memburuk'],
    ]);
    expect(text(byTestId('level-l4'))).toContain('Makin rendah makin baik');
    // One chart per level with data (L1 dimensions, L2, L3, one per indicator).
    expect(mockCharts).toHaveLength(4);
    const l4 = mockCharts[3]?.setOption.mock.calls.at(-1)?.[0];
    expect(l4.series.map((s: { name: string; data: number[] }) => [s.name, s.data])).toEqual([
      ['Sebelum', [40, 30]],
      ['Sesudah', [25, 33]],
    ]);
  });

  it('says what is missing on each level', async () => {
    await render(
      programme({
        l1: {
          course: surveyResults({
            responses: 2,
            suppressed: true,
            needed: 3,
            overall: null,
            dimensions: [],
          }),
          sessions: [],
        },
        l2: {
          ...programme().l2,
          available: false,
          reason: 'Kursus ini tidak memiliki post-test.',
          paired: 0,
        },
        l3: null,
        l4: { courseId: 'c1', canDefine: true, scope: 'all', indicators: [] },
      }),
    );
    expect(text(byTestId('l1-suppressed'))).toBe('Belum cukup tanggapan (minimal 5)');
    expect(text(byTestId('l2-unavailable'))).toBe('Kursus ini tidak memiliki post-test.');
    expect(text(byTestId('l3-none'))).toBe('Belum ada data tindak lanjut.');
    expect(text(byTestId('l4-none'))).toBe('Belum ada indikator untuk kursus ini.');
    expect(mockCharts).toHaveLength(0);
  });

  it('downloads the PDF report with its progress, then saves it', async () => {
    await render();
    const createObjectURL = jest.fn(() => 'blob:report');
    Object.defineProperty(globalThis.URL, 'createObjectURL', {
      value: createObjectURL,
      configurable: true,
    });
    Object.defineProperty(globalThis.URL, 'revokeObjectURL', {
      value: jest.fn(),
      configurable: true,
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);

    byTestId('programme-pdf')?.click();
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === PDF);
    expect(req.request.responseType).toBe('blob');
    expect(text(byTestId('pdf-progress'))).toBe('Menyiapkan laporan…');
    expect(byTestId('programme-pdf')?.hasAttribute('disabled')).toBe(true);
    req.event({ type: HttpEventType.DownloadProgress, loaded: 40, total: 100 });
    await fixture.whenStable();
    expect(text(byTestId('pdf-progress'))).toBe('Mengunduh laporan… 40%');
    req.event(
      new HttpResponse({ body: new Blob(['%PDF-1.7'], { type: 'application/pdf' }), status: 200 }),
    );
    await fixture.whenStable();
    expect(byTestId('pdf-progress')).toBeNull();
    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it("shows the API's refusal of the report, read from the blob", async () => {
    // jsdom's Blob has no text(), which browsers have (toProblemAsync reads the problem with it).
    Object.defineProperty(Blob.prototype, 'text', {
      configurable: true,
      value(this: Blob): Promise<string> {
        return new Promise((resolve) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as string);
          reader.readAsText(this);
        });
      },
    });
    await render();
    byTestId('programme-pdf')?.click();
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === PDF)
      .flush(new Blob([JSON.stringify(problem(403, 'Hanya admin peninjau kursus.'))]), {
        status: 403,
        statusText: 'Forbidden',
      });
    // The problem is read from the blob asynchronously.
    for (let i = 0; i < 50 && !root().textContent?.includes('Hanya admin'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await settle();
    }
    expect(root().textContent).toContain('Hanya admin peninjau kursus.');
    expect(byTestId('programme-pdf')?.hasAttribute('disabled')).toBe(false);
  });
});
