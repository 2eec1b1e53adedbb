import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { SurveyTemplateSummary, SurveyTemplateView } from '@siantar/contracts';
import {
  chooseOption,
  problem,
  setUpEvaluationTest,
  text,
  validationProblem,
} from '../testing/fixtures';
import { SurveyTemplatesComponent, templateRequest } from './survey-templates.component';

const LIST = '/api/v1/admin/survey-templates';

function summary(overrides: Partial<SurveyTemplateSummary> = {}): SurveyTemplateSummary {
  return {
    id: 't0',
    name: 'Survei bawaan',
    description: '',
    builtIn: true,
    ownerOrgUnitId: null,
    ownerOrgUnitName: null,
    likertItems: 8,
    textItems: 2,
    updatedAt: '2026-11-01T03:00:00.000Z',
    ...overrides,
  };
}

function view(overrides: Partial<SurveyTemplateView> = {}): SurveyTemplateView {
  return {
    ...summary({
      id: 't1',
      name: 'Survei pelayanan',
      builtIn: false,
      ownerOrgUnitId: 'o1',
      ownerOrgUnitName: 'BKPSDM',
      likertItems: 1,
      textItems: 1,
    }),
    items: [
      { id: 'i1', kind: 'likert', dimension: 'content', text: 'Materi relevan.', required: true },
      { id: 'i2', kind: 'text', dimension: null, text: 'Saran Anda', required: false },
    ],
    responses: 0,
    editable: true,
    ...overrides,
  };
}

describe('templateRequest', () => {
  it('trims, keeps ids and drops the dimension of open questions', () => {
    expect(
      templateRequest(' Survei ', '', [
        {
          id: 'i1',
          kind: 'likert',
          dimension: 'trainer',
          text: ' Pengajar jelas. ',
          required: true,
          locked: false,
        },
        {
          id: null,
          kind: 'text',
          dimension: 'content',
          text: 'Saran',
          required: false,
          locked: false,
        },
      ]),
    ).toEqual({
      name: 'Survei',
      description: '',
      items: [
        { id: 'i1', kind: 'likert', dimension: 'trainer', text: 'Pengajar jelas.', required: true },
        { kind: 'text', dimension: null, text: 'Saran', required: false },
      ],
    });
  });
});

describe('SurveyTemplatesComponent', () => {
  let fixture: ComponentFixture<SurveyTemplatesComponent>;
  let http: HttpTestingController;
  let snack: jest.SpyInstance;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null =>
    root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const items = (): HTMLElement[] =>
    Array.from(root().querySelectorAll<HTMLElement>('[data-testid=template-item]'));
  const settle = (): Promise<unknown> => fixture.whenStable();
  const type = async (el: Element | null | undefined, value: string): Promise<void> => {
    const input = el as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };

  beforeEach(async () => {
    http = setUpEvaluationTest();
    snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    fixture = TestBed.createComponent(SurveyTemplatesComponent);
    await fixture.whenStable();
    http.expectOne(LIST).flush([
      summary(),
      summary({
        id: 't1',
        name: 'Survei pelayanan',
        builtIn: false,
        ownerOrgUnitName: 'BKPSDM',
        likertItems: 1,
        textItems: 1,
      }),
    ]);
    await settle();
  });

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/evaluation\./);
  });

  it('lists the templates and opens the built-in one read-only', async () => {
    const entries = Array.from(root().querySelectorAll('[data-testid=template-open]')).map(text);
    expect(entries[0]).toContain('Survei bawaan');
    expect(entries[0]).toContain('8 butir Likert, 2 pertanyaan terbuka · Bawaan sistem');
    (root().querySelector('[data-testid=template-open]') as HTMLElement).click();
    await settle();
    http
      .expectOne(`${LIST}/t0`)
      .flush({ ...view({ id: 't0', name: 'Survei bawaan', builtIn: true, editable: false }) });
    await settle();
    expect(text(byTestId('template-readonly'))).toContain('Templat bawaan tidak dapat diubah.');
    expect(byTestId('template-save')).toBeNull();
    expect((byTestId('template-name') as HTMLInputElement).disabled).toBe(true);
  });

  it('creates a template: items added, reordered and removed, a Likert item with its dimension', async () => {
    byTestId('template-new')?.click();
    await settle();
    expect(items()).toHaveLength(1);
    await type(byTestId('template-name'), 'Survei pelatihan teknis');
    await type(items()[0]?.querySelector('textarea'), 'Materi sesuai pekerjaan.');
    await chooseOption(
      items()[0]?.querySelectorAll('mat-select')[1] as HTMLElement,
      'Relevansi dengan pekerjaan',
      settle,
    );
    byTestId('add-text')?.click();
    await settle();
    await type(items()[1]?.querySelector('textarea'), 'Apa yang perlu diperbaiki?');
    byTestId('add-likert')?.click();
    await settle();
    await type(items()[2]?.querySelector('textarea'), 'Dihapus lagi');
    items()[2]?.querySelector<HTMLButtonElement>('[data-testid=item-remove]')?.click();
    await settle();
    // Move the open question first.
    items()[1]?.querySelector<HTMLButtonElement>('button[aria-label="Naikkan butir 2"]')?.click();
    await settle();
    byTestId('template-save')?.click();
    await settle();
    const req = http.expectOne(LIST);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      name: 'Survei pelatihan teknis',
      description: '',
      items: [
        { kind: 'text', dimension: null, text: 'Apa yang perlu diperbaiki?', required: false },
        {
          kind: 'likert',
          dimension: 'relevance',
          text: 'Materi sesuai pekerjaan.',
          required: true,
        },
      ],
    });
    req.flush(view({ id: 't2', name: 'Survei pelatihan teknis' }), {
      status: 201,
      statusText: 'Created',
    });
    await settle();
    http.expectOne(LIST).flush([summary()]);
    await settle();
    expect(snack).toHaveBeenCalledWith('Templat tersimpan.', 'Tutup', { duration: 5000 });
  });

  it("keeps an answered item's kind and dimension, and shows refusals at their item", async () => {
    (root().querySelectorAll('[data-testid=template-open]')[1] as HTMLElement).click();
    await settle();
    http.expectOne(`${LIST}/t1`).flush(view({ responses: 12 }));
    await settle();
    expect(root().textContent).toContain('Templat ini sudah dijawab 12 kali');
    expect(items()[0]?.querySelector('mat-select')?.getAttribute('aria-disabled')).toBe('true');
    byTestId('template-save')?.click();
    await settle();
    const req = http.expectOne(`${LIST}/t1`);
    expect(req.request.method).toBe('PUT');
    expect(req.request.body.items.map((i: { id: string }) => i.id)).toEqual(['i1', 'i2']);
    req.flush(
      validationProblem([
        { path: 'items[1]', message: 'butir yang sudah dijawab tidak boleh berganti jenis' },
      ]),
      {
        status: 400,
        statusText: 'Bad Request',
      },
    );
    await settle();
    expect(text(items()[1]?.querySelector('[data-testid=item-error]'))).toBe(
      'butir yang sudah dijawab tidak boleh berganti jenis',
    );
  });

  it("shows the API's refusal of a template out of reach", async () => {
    (root().querySelectorAll('[data-testid=template-open]')[1] as HTMLElement).click();
    await settle();
    http.expectOne(`${LIST}/t1`).flush(view());
    await settle();
    byTestId('template-save')?.click();
    await settle();
    http
      .expectOne(`${LIST}/t1`)
      .flush(problem(403, 'Templat ini milik unit di luar wewenang Anda.'), {
        status: 403,
        statusText: 'Forbidden',
      });
    await settle();
    expect(root().textContent).toContain('Templat ini milik unit di luar wewenang Anda.');
  });
});
