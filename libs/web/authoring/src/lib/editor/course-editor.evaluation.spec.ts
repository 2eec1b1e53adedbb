import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import {
  type AuthoringCourseResponse,
  type CourseSurveySettingsView,
  DEFAULT_COMPLETION_RULES,
  type FollowUpSettingsResponse,
} from '@siantar/contracts';
import { provideAppIcons } from '@siantar/web-core';
import { provideAuthoringIcons } from '../shared/icons';
import { CourseEditorComponent } from './course-editor.component';

const COURSE = '/api/v1/authoring/courses/c1';

function course(): AuthoringCourseResponse {
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
      status: 'published',
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
      publishedAt: '2026-10-01T03:00:00.000Z',
      modules: [],
    },
    versions: [],
    can: { edit: false, submit: false, review: false, newDraft: true, archive: false },
  };
}

/** The course editor's "Evaluasi" tab (web-evaluation's settings panel, loaded when opened). */
describe('CourseEditorComponent, evaluation tab', () => {
  let fixture: ComponentFixture<CourseEditorComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const tabLabels = (): string[] =>
    Array.from(root().querySelectorAll('[role=tab]')).map((t) => t.textContent?.trim() ?? '');

  async function render(tab: 'info' | 'evaluation'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        provideAppIcons(),
        provideAuthoringIcons(),
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', {
      authoring: {
        editor: {
          tab: { info: 'Info', outline: 'Kerangka', review: 'Tinjauan', history: 'Riwayat' },
        },
      },
      evaluation: {
        settings: {
          tab: 'Evaluasi',
          results: 'Hasil survei',
          surveyTitle: 'Survei umpan balik',
          followUpTitle: 'Jadwal tindak lanjut (L3)',
        },
      },
    });
    translate.use('id');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CourseEditorComponent);
    fixture.componentRef.setInput('courseId', 'c1');
    fixture.componentRef.setInput('tab', tab);
    await fixture.whenStable();
    http.expectOne(COURSE).flush(course());
    await fixture.whenStable();
  }

  afterEach(() => {
    // The other tabs' own requests (units, catalogue) are not this spec's business.
    http.match((r) => !r.url.includes('/survey') && !r.url.includes('/follow-up-settings'));
    http.verify();
  });

  it('adds an "Evaluasi" tab that loads nothing until opened', async () => {
    await render('info');
    expect(tabLabels()).toEqual(['Info', 'Kerangka', 'Tinjauan', 'Riwayat', 'Evaluasi']);
    http.expectNone(`${COURSE}/survey`);
    http.expectNone(`${COURSE}/follow-up-settings`);
  });

  it("opened, shows the course's survey settings, follow-up days and the link to the results", async () => {
    await render('evaluation');
    const survey: CourseSurveySettingsView = {
      courseId: 'c1',
      templateId: 't0',
      templateName: 'Survei bawaan',
      anonymityThreshold: 5,
      individualVisibleToAdmins: false,
      configured: false,
      responses: 0,
      templates: [],
      required: false,
      requiredByVersion: false,
    };
    const followUps: FollowUpSettingsResponse = {
      courseId: 'c1',
      days: [30, 90],
      isDefault: true,
      updatedAt: null,
      updatedBy: null,
    };
    http.expectOne(`${COURSE}/survey`).flush(survey);
    http.expectOne(`${COURSE}/follow-up-settings`).flush(followUps);
    await fixture.whenStable();
    expect(root().querySelector('[data-testid=survey-settings]')).not.toBeNull();
    expect(root().querySelectorAll('[data-testid=follow-up-day]')).toHaveLength(2);
    expect(root().querySelector('[data-testid=eval-results-link]')?.getAttribute('href')).toBe(
      '/evaluasi/kursus/c1/survei',
    );
  });
});
