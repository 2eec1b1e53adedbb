import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { CourseIndicators, IndicatorView, OrgUnitResponse } from '@siantar/contracts';
import { of } from 'rxjs';
import {
  chooseOption,
  problem,
  setUpEvaluationTest,
  text,
  validationProblem,
} from '../testing/fixtures';
import { IndicatorsEditorComponent, parseNumber } from './indicators-editor.component';

const URL = '/api/v1/evaluation/courses/c1/indicators';

function indicator(overrides: Partial<IndicatorView> = {}): IndicatorView {
  return {
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
        note: 'Aplikasi antrean',
        editable: true,
        updatedAt: '2026-11-20T03:00:00.000Z',
      },
    ],
    summary: { opds: 1, measured: 1, improved: 1 },
    ...overrides,
  };
}

const unit = (id: string, name: string, kind: OrgUnitResponse['kind']): OrgUnitResponse => ({
  id,
  code: id.toUpperCase(),
  name,
  kind,
  parentId: null,
  path: [name],
  userCount: 0,
});

describe('parseNumber', () => {
  it('reads a comma or a dot, and nothing else', () => {
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber(' 40 ')).toBe(40);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
  });
});

describe('IndicatorsEditorComponent', () => {
  let fixture: ComponentFixture<IndicatorsEditorComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null =>
    root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const settle = (): Promise<unknown> => fixture.whenStable();
  const type = async (id: string, value: string, event = 'input'): Promise<void> => {
    const input = byTestId(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event(event));
    await settle();
  };

  async function render(data: CourseIndicators): Promise<void> {
    http = setUpEvaluationTest();
    fixture = TestBed.createComponent(IndicatorsEditorComponent);
    fixture.componentRef.setInput('courseId', 'c1');
    await settle();
    http.expectOne(URL).flush(data);
    await settle();
  }

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/evaluation\./);
  });

  it('lists the indicators with each OPD before, after, the change and its direction', async () => {
    await render({ courseId: 'c1', canDefine: true, scope: 'all', indicators: [indicator()] });
    expect(text(root().querySelector('[data-testid=indicator] h2'))).toBe(
      'Rata-rata waktu tunggu loket (menit)',
    );
    expect(text(byTestId('indicator'))).toContain('Makin rendah makin baik');
    const rows = Array.from(byTestId('indicator-values')?.querySelectorAll('tbody tr') ?? []).map(
      (r) => Array.from(r.querySelectorAll('th, td')).map(text),
    );
    expect(rows[0]?.slice(0, 5).map((c) => c.replace(/\)(?=\S)/, ') '))).toEqual([
      'Disdukcapil',
      '40 1 Sep 2026',
      '25 20 Nov 2026',
      '−15 (−37,5%) membaik',
      'Aplikasi antrean',
    ]);
  });

  it('adds an indicator and shows field refusals', async () => {
    await render({ courseId: 'c1', canDefine: true, scope: 'all', indicators: [] });
    expect(text(byTestId('indicators-empty'))).toContain('Tambahkan indikator');
    byTestId('indicator-new')?.click();
    await settle();
    await type('indicator-name', 'Indeks kepuasan masyarakat');
    await type('indicator-unit', 'indeks (0–100)');
    byTestId('indicator-save')?.click();
    await settle();
    let req = http.expectOne(URL);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      name: 'Indeks kepuasan masyarakat',
      unit: 'indeks (0–100)',
      direction: 'higher-is-better',
    });
    req.flush(validationProblem([{ path: 'unit', message: 'satuan terlalu panjang' }]), {
      status: 400,
      statusText: 'Bad Request',
    });
    await settle();
    expect(text(byTestId('indicator-form'))).toContain('satuan terlalu panjang');
    byTestId('indicator-save')?.click();
    await settle();
    req = http.expectOne(URL);
    req.flush(
      indicator({
        id: 'i2',
        name: 'Indeks kepuasan masyarakat',
        unit: 'indeks',
        direction: 'higher-is-better',
        values: [],
        summary: { opds: 0, measured: 0, improved: 0 },
      }),
      { status: 201, statusText: 'Created' },
    );
    await settle();
    expect(byTestId('indicator-form')).toBeNull();
    expect(root().querySelectorAll('[data-testid=indicator]')).toHaveLength(1);
  });

  it("records an OPD's values, checking them first", async () => {
    await render({
      courseId: 'c1',
      canDefine: false,
      scope: 'reach',
      indicators: [indicator({ values: [], summary: { opds: 0, measured: 0, improved: 0 } })],
    });
    expect(text(byTestId('indicators-reach'))).toContain('dalam wewenang Anda');
    expect(byTestId('indicator-new')).toBeNull();
    byTestId('value-new')?.click();
    await settle();
    http
      .expectOne('/api/v1/org-units')
      .flush([unit('o2', 'DPMPTSP', 'opd'), unit('b1', 'Bidang Pelayanan', 'bidang')]);
    await settle();
    await chooseOption(byTestId('value-opd') as HTMLElement, 'DPMPTSP', settle);
    await type('value-before', '30,5');
    byTestId('value-save')?.click();
    await settle();
    expect(text(byTestId('value-error'))).toBe('Pilih OPD, isi nilai sebelum dan tanggal ukurnya.');
    await type('value-measured-before', '2026-09-01', 'change');
    await type('value-after', '28');
    byTestId('value-save')?.click();
    await settle();
    expect(text(byTestId('value-error'))).toBe('Isi tanggal ukur untuk nilai sesudah.');
    await type('value-measured-after', '2026-11-20', 'change');
    byTestId('value-save')?.click();
    await settle();
    const req = http.expectOne('/api/v1/evaluation/indicators/i1/values');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({
      orgUnitId: 'o2',
      before: 30.5,
      measuredBefore: '2026-09-01',
      after: 28,
      measuredAfter: '2026-11-20',
    });
    req.flush(problem(403, 'DPMPTSP di luar wewenang Anda.'), {
      status: 403,
      statusText: 'Forbidden',
    });
    await settle();
    expect(text(byTestId('value-form'))).toContain('DPMPTSP di luar wewenang Anda.');
  });

  it('deletes an indicator and an OPD value after confirming', async () => {
    await render({ courseId: 'c1', canDefine: true, scope: 'all', indicators: [indicator()] });
    const open = jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({
      afterClosed: () => of(true),
    } as ReturnType<MatDialog['open']>);
    byTestId('value-remove')?.click();
    await settle();
    http
      .expectOne(
        (r) => r.method === 'DELETE' && r.url === '/api/v1/evaluation/indicators/i1/values/o1',
      )
      .flush(indicator({ values: [], summary: { opds: 0, measured: 0, improved: 0 } }));
    await settle();
    expect(text(byTestId('indicator'))).toContain('Belum ada nilai OPD.');
    byTestId('indicator-delete')?.click();
    await settle();
    http
      .expectOne((r) => r.method === 'DELETE' && r.url === `${URL}/i1`)
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(byTestId('indicator')).toBeNull();
    expect(open).toHaveBeenCalledTimes(2);
  });
});
