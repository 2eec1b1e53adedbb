import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { MeResponse, TrainerSurveyResults } from '@siantar/contracts';
import { AuthService } from '@siantar/web-core';
import { setUpEvaluationTest, surveyResults, text } from '../testing/fixtures';
import { TrainerResultsComponent } from './trainer-results.component';

jest.mock('echarts/core', () => ({
  use: jest.fn(),
  init: jest.fn(() => ({ setOption: jest.fn(), resize: jest.fn(), dispose: jest.fn() })),
}));
jest.mock('echarts/charts', () => ({ BarChart: {} }));
jest.mock('echarts/components', () => ({
  AriaComponent: {},
  GridComponent: {},
  LegendComponent: {},
  TooltipComponent: {},
}));
jest.mock('echarts/renderers', () => ({ SVGRenderer: {} }));

const URL = '/api/v1/evaluation/trainers/u9/survey-results';

function trainer(overrides: Partial<TrainerSurveyResults> = {}): TrainerSurveyResults {
  const r = surveyResults();
  return {
    trainer: { userId: 'u9', name: 'Dra. Sri Damanik' },
    from: null,
    to: null,
    surveys: [
      {
        kind: 'course',
        id: 'c1',
        title: 'Pelayanan Prima Adminduk',
        responses: 8,
        threshold: 5,
        suppressed: false,
        needed: 0,
        average: 4.25,
      },
      {
        kind: 'live-session',
        id: 's1',
        title: 'Webinar IKD',
        responses: 2,
        threshold: 5,
        suppressed: true,
        needed: 3,
        average: null,
      },
    ],
    responses: 8,
    overall: r.overall,
    dimensions: r.dimensions,
    comments: r.comments.map((c) => ({ ...c, targetTitle: 'Pelayanan Prima Adminduk' })),
    excluded: { surveys: 1, responses: 2 },
    ...overrides,
  };
}

describe('TrainerResultsComponent', () => {
  let fixture: ComponentFixture<TrainerResultsComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null =>
    root().querySelector<HTMLElement>(`[data-testid="${id}"]`);

  async function render(data: TrainerSurveyResults): Promise<void> {
    http = setUpEvaluationTest();
    fixture = TestBed.createComponent(TrainerResultsComponent);
    fixture.componentRef.setInput('userId', 'u9');
    await fixture.whenStable();
    http.expectOne((r) => r.url === URL).flush(data);
    await fixture.whenStable();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/evaluation\./);
  });

  it("lists the trainer's surveys, a suppressed one without its average, and the totals over the others", async () => {
    await render(trainer());
    expect(text(byTestId('trainer-name'))).toBe('Dra. Sri Damanik');
    const rows = Array.from(byTestId('trainer-surveys')?.querySelectorAll('tbody tr') ?? []).map(
      (r) => Array.from(r.querySelectorAll('th, td')).map(text),
    );
    expect(rows).toEqual([
      ['Pelayanan Prima Adminduk · kursus', '8', '4,25'],
      ['Webinar IKD · sesi langsung', '2', 'Belum cukup tanggapan (minimal 5)'],
    ]);
    expect(byTestId('trainer-surveys')?.querySelector('a')?.getAttribute('href')).toBe(
      '/evaluasi/kursus/c1/survei',
    );
    expect(text(byTestId('trainer-excluded'))).toBe(
      '1 survei (2 tanggapan) belum mencapai ambang anonimitas dan tidak dihitung.',
    );
    expect(text(byTestId('results-comments'))).toContain('Tambah praktik.');
    expect(text(root())).toContain('Saran untuk pelatihan ini · Pelayanan Prima Adminduk');
  });

  it('says when the trainer has no survey in the period', async () => {
    await render(
      trainer({
        surveys: [],
        responses: 0,
        overall: null,
        dimensions: [],
        comments: [],
        excluded: { surveys: 0, responses: 0 },
      }),
    );
    expect(text(byTestId('trainer-empty'))).toBe('Belum ada survei pada periode ini.');
  });

  it("shows the signed-in trainer's own results without an id", async () => {
    http = setUpEvaluationTest();
    TestBed.inject(AuthService).setUser({ id: 'u9', roles: ['trainer'] } as MeResponse);
    fixture = TestBed.createComponent(TrainerResultsComponent);
    await fixture.whenStable();
    http.expectOne((r) => r.url === URL).flush(trainer());
    await fixture.whenStable();
    expect(text(byTestId('trainer-name'))).toBe('Dra. Sri Damanik');
  });
});
