import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import type {
  CourseSurveySettingsView,
  FollowUpSettingsResponse,
  MeResponse,
} from '@siantar/contracts';
import { AuthService } from '@siantar/web-core';
import { chooseOption, setUpEvaluationTest, text, validationProblem } from '../testing/fixtures';
import { CourseEvaluationSettingsComponent } from './course-evaluation-settings.component';

const SURVEY = '/api/v1/authoring/courses/c1/survey';
const FOLLOW_UP = '/api/v1/authoring/courses/c1/follow-up-settings';

function survey(overrides: Partial<CourseSurveySettingsView> = {}): CourseSurveySettingsView {
  const template = (id: string, name: string, builtIn: boolean) => ({
    id,
    name,
    description: '',
    builtIn,
    ownerOrgUnitId: null,
    ownerOrgUnitName: null,
    likertItems: 8,
    textItems: 2,
    updatedAt: '2026-11-01T03:00:00.000Z',
  });
  return {
    courseId: 'c1',
    templateId: 't0',
    templateName: 'Survei bawaan',
    anonymityThreshold: 5,
    individualVisibleToAdmins: false,
    configured: false,
    responses: 0,
    templates: [
      template('t0', 'Survei bawaan', true),
      template('t1', 'Survei pelayanan publik', false),
    ],
    required: false,
    requiredByVersion: true,
    ...overrides,
  };
}

function followUps(overrides: Partial<FollowUpSettingsResponse> = {}): FollowUpSettingsResponse {
  return {
    courseId: 'c1',
    days: [30, 90],
    isDefault: true,
    updatedAt: null,
    updatedBy: null,
    ...overrides,
  };
}

describe('CourseEvaluationSettingsComponent', () => {
  let fixture: ComponentFixture<CourseEvaluationSettingsComponent>;
  let http: HttpTestingController;
  let snack: jest.SpyInstance;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null =>
    root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const settle = (): Promise<unknown> => fixture.whenStable();
  const days = (): string[] =>
    Array.from(root().querySelectorAll('[data-testid=follow-up-day]')).map(text);

  async function render(admin = false): Promise<void> {
    http = setUpEvaluationTest();
    TestBed.inject(AuthService).setUser({ roles: admin ? ['admin'] : ['trainer'] } as MeResponse);
    snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    fixture = TestBed.createComponent(CourseEvaluationSettingsComponent);
    fixture.componentRef.setInput('courseId', 'c1');
    await fixture.whenStable();
    http.expectOne(SURVEY).flush(survey());
    http.expectOne(FOLLOW_UP).flush(followUps());
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/evaluation\./);
  });

  it('links to the results, and to the programme page for admins only', async () => {
    await render();
    expect(byTestId('eval-results-link')?.getAttribute('href')).toBe('/evaluasi/kursus/c1/survei');
    expect(byTestId('eval-programme-link')).toBeNull();
    expect(byTestId('eval-trainer-link')?.getAttribute('href')).toBe('/evaluasi/pengajar');
    fixture.destroy();
    TestBed.resetTestingModule();
    await render(true);
    expect(byTestId('eval-programme-link')?.getAttribute('href')).toBe('/evaluasi/kursus/c1');
  });

  it('saves the template, requirement, threshold and individual view', async () => {
    await render();
    expect(text(byTestId('survey-defaults'))).toContain('Pengaturan bawaan berlaku');
    expect(text(byTestId('survey-required-by-version'))).toContain('juga mewajibkan survei');
    await chooseOption(
      byTestId('survey-template') as HTMLElement,
      'Survei pelayanan publik',
      settle,
    );
    byTestId('survey-required')?.querySelector('input')?.click();
    byTestId('survey-individual')?.querySelector('input')?.click();
    const threshold = byTestId('survey-threshold') as HTMLInputElement;
    threshold.value = '2';
    threshold.dispatchEvent(new Event('input'));
    byTestId('survey-settings-save')?.click();
    await settle();
    expect(root().textContent).toContain('Ambang anonimitas harus bilangan bulat 3–100.');
    http.expectNone(SURVEY);

    threshold.value = '8';
    threshold.dispatchEvent(new Event('input'));
    byTestId('survey-settings-save')?.click();
    await settle();
    const req = http.expectOne(SURVEY);
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({
      templateId: 't1',
      anonymityThreshold: 8,
      individualVisibleToAdmins: true,
      required: true,
    });
    req.flush(
      survey({
        templateId: 't1',
        anonymityThreshold: 8,
        individualVisibleToAdmins: true,
        required: true,
        configured: true,
      }),
    );
    await settle();
    expect(snack).toHaveBeenCalledWith('Pengaturan evaluasi tersimpan.', 'Tutup', {
      duration: 5000,
    });
    expect(byTestId('survey-defaults')).toBeNull();
  });

  it('edits the follow-up days: adds in order, refuses a repeat or out of range, turns L3 off, and shows the API refusal', async () => {
    await render();
    expect(days()).toEqual(['30 hari', '90 hari']);
    expect(text(byTestId('follow-up-default'))).toBe('Jadwal bawaan berlaku: 30, 90 hari.');
    const input = byTestId('follow-up-new-day') as HTMLInputElement;
    const add = async (value: string): Promise<void> => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
      byTestId('follow-up-add-day')?.click();
      await settle();
    };
    await add('60');
    expect(days()).toEqual(['30 hari', '60 hari', '90 hari']);
    await add('60');
    expect(text(byTestId('follow-up-day-error'))).toBe('Jadwal 60 hari sudah ada.');
    await add('400');
    expect(text(byTestId('follow-up-day-error'))).toBe('Isi bilangan bulat 1–365.');

    for (const button of Array.from(
      root().querySelectorAll<HTMLButtonElement>('[data-testid=follow-up-day] button'),
    )) {
      button.click();
    }
    await settle();
    expect(text(byTestId('follow-up-off'))).toContain('tindak lanjut dimatikan');
    byTestId('follow-up-save')?.click();
    await settle();
    const req = http.expectOne(FOLLOW_UP);
    expect(req.request.body).toEqual({ days: [] });
    req.flush(
      validationProblem([
        { path: 'days', message: 'kursus ini sudah memiliki tindak lanjut berjalan' },
      ]),
      {
        status: 400,
        statusText: 'Bad Request',
      },
    );
    await settle();
    expect(root().textContent).toContain('kursus ini sudah memiliki tindak lanjut berjalan');
  });
});
