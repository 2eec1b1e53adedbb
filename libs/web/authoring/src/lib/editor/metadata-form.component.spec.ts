import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import {
  type AuthoringCourseResponse,
  type CourseVersionResponse,
  DEFAULT_COMPLETION_RULES,
} from '@siantar/contracts';
import { provideAppIcons } from '@siantar/web-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MetadataFormComponent } from './metadata-form.component';

const DRAFT = '/api/v1/authoring/courses/c1/draft';

function course(over: Partial<CourseVersionResponse> = {}): AuthoringCourseResponse {
  return {
    courseId: 'c1',
    code: 'PP-01',
    ownerOrgUnit: { id: 'o1', name: 'BKPSDM' },
    authors: [],
    working: {
      id: 'v1',
      courseId: 'c1',
      code: 'PP-01',
      number: 1,
      status: 'draft',
      title: 'Pelayanan Prima',
      summary: '',
      coverFileId: null,
      competencyType: 'teknis',
      deliveryMode: 'self-paced',
      jp: 2,
      suggestedJp: 2,
      targetOrgUnitIds: [],
      targetPositions: [],
      targetRanks: [],
      prerequisiteCourseIds: [],
      enrolOpensAt: null,
      enrolClosesAt: null,
      completionDeadline: null,
      reminderDays: [1, 7],
      language: 'id',
      selfEnrol: true,
      sequential: false,
      completionRules: DEFAULT_COMPLETION_RULES,
      changelog: null,
      publishedAt: null,
      modules: [],
      ...over,
    },
    versions: [],
    can: { edit: true, submit: true, review: false, newDraft: false, archive: false },
  };
}

/** The app's real strings of the catalogue and authoring area. */
function catalogStrings(): Record<string, unknown> {
  const file = join(__dirname, '../../../../../../apps/web/public/i18n/catalog/id.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe('MetadataFormComponent: deadline reminders', () => {
  let fixture: ComponentFixture<MetadataFormComponent>;
  let http: HttpTestingController;
  let saved: AuthoringCourseResponse[];

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const input = (): HTMLInputElement =>
    root().querySelector('[data-testid=reminder-days]') as HTMLInputElement;
  const field = (): HTMLElement => input().closest('mat-form-field') as HTMLElement;
  const type = async (text: string): Promise<void> => {
    input().value = text;
    input().dispatchEvent(new Event('input'));
    input().dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  };
  const submit = async (): Promise<void> => {
    root().querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
  };

  async function render(start: AuthoringCourseResponse = course()): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        provideAppIcons(),
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', { ...catalogStrings(), common: { close: 'Tutup' } });
    translate.use('id');
    jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MetadataFormComponent);
    fixture.componentRef.setInput('course', start);
    saved = [];
    fixture.componentInstance.saved.subscribe((c) => saved.push(c));
    fixture.detectChanges();
    await fixture.whenStable();
    http.expectOne('/api/v1/org-units').flush([]);
    http
      .expectOne((r) => r.url === '/api/v1/catalog')
      .flush({ items: [], total: 0, limit: 100, offset: 0 });
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows the saved days, largest first, with the label and hint', async () => {
    await render();
    expect(input().value).toBe('7, 1');
    expect(field().querySelector('mat-label')?.textContent).toContain(
      'Pengingat tenggat (hari sebelum batas waktu)',
    );
    expect(field().querySelector('mat-hint')?.textContent).toContain(
      'Kosongkan untuk tanpa pengingat',
    );
  });

  it('sends the typed days as unique whole numbers', async () => {
    await render();
    await type('3, 14, 3');
    await submit();
    const patch = http.expectOne(DRAFT);
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toMatchObject({ title: 'Pelayanan Prima', reminderDays: [14, 3] });
    const answer = course({ reminderDays: [14, 3] });
    patch.flush(answer);
    await fixture.whenStable();
    expect(saved).toEqual([answer]);
  });

  it('sends no reminders when the field is emptied', async () => {
    await render();
    await type('');
    await submit();
    expect(http.expectOne(DRAFT).request.body).toMatchObject({ reminderDays: [] });
  });

  it('says what is wrong and does not save', async () => {
    await render();
    await type('30, 14, 7, 3, 1');
    expect(field().querySelector('mat-error')?.textContent).toContain('Paling banyak 4 pengingat.');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    await submit();
    http.expectNone(DRAFT);

    await type('7 hari');
    expect(field().querySelector('mat-error')?.textContent).toContain(
      'Tulis jumlah hari sebagai bilangan bulat dipisah koma',
    );
    await type('120');
    expect(field().querySelector('mat-error')?.textContent).toContain('1–90 hari');
    await submit();
    http.expectNone(DRAFT);
  });

  it("shows the api's message on the field", async () => {
    await render(course({ reminderDays: [] }));
    expect(input().value).toBe('');
    await type('7');
    await submit();
    http.expectOne(DRAFT).flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'validation',
        detail: 'Isian tidak valid',
        errors: [{ path: 'reminderDays', message: 'reminderDays tidak boleh berulang' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(field().querySelector('mat-error')?.textContent).toContain(
      'reminderDays tidak boleh berulang',
    );
  });
});
