import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { CompletionChecklist, LearnerCourseResponse } from '@siantar/contracts';
import { provideAppIcons } from '@siantar/web-core';
import { ProgressEventsService } from '@siantar/web-progress';
import { NEVER } from 'rxjs';
import { provideLearning } from '../learning.routes';
import { ProgressQueueService } from '../progress/progress-queue.service';
import { CourseHomeComponent } from './course-home.component';

const URL = '/api/v1/enrolments/e1';

function checklist(status: 'active' | 'completed', surveyMet: boolean): CompletionChecklist {
  return {
    enrolmentId: 'e1',
    status,
    completedAt: status === 'completed' ? '2026-11-01T03:00:00.000Z' : null,
    deadline: null,
    expired: false,
    items: [
      {
        criterion: 'survey',
        label: 'Isi survei',
        met: surveyMet,
        done: surveyMet ? 1 : 0,
        total: 1,
        remaining: [],
      },
    ],
  };
}

function course(status: 'active' | 'completed', surveyMet: boolean): LearnerCourseResponse {
  return {
    enrolment: {
      id: 'e1',
      courseId: 'c1',
      code: 'ADM-01',
      title: 'Pelayanan Prima Adminduk',
      versionNumber: 1,
      status,
      percent: status === 'completed' ? 100 : 50,
      completionDeadline: null,
      enrolledAt: '2026-10-01T03:00:00.000Z',
      completedAt: status === 'completed' ? '2026-11-01T03:00:00.000Z' : null,
      resumeLessonId: null,
    },
    jp: 4,
    completion: checklist(status, surveyMet),
    modules: [],
  };
}

/** The course home's hooks into the evaluation screens (the survey, the action plan, the follow-ups). */
describe('CourseHomeComponent, evaluation links', () => {
  let fixture: ComponentFixture<CourseHomeComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const href = (id: string): string | null =>
    root().querySelector(`[data-testid="${id}"]`)?.getAttribute('href') ?? null;

  async function render(c: LearnerCourseResponse): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        provideAppIcons(),
        provideLearning(),
        { provide: ProgressEventsService, useValue: { completions: NEVER, connects: NEVER } },
        {
          provide: ProgressQueueService,
          useValue: { start: jest.fn(), status: signal('saved'), lessonState: () => undefined },
        },
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', {
      evaluation: {
        links: {
          title: 'Evaluasi pelatihan',
          introCompleted: 'Bantu kami.',
          introSurvey: 'Survei perlu diisi.',
          survey: 'Isi survei umpan balik',
          plan: 'Tulis rencana tindak lanjut (RTL)',
          followUps: 'Tindak lanjut saya',
        },
      },
    });
    translate.use('id');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CourseHomeComponent);
    fixture.componentRef.setInput('enrolmentId', 'e1');
    await fixture.whenStable();
    http.expectOne(URL).flush(c);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('links a completed course to its survey, the action plan and the follow-ups', async () => {
    await render(course('completed', true));
    expect(href('link-survey')).toBe('/evaluasi/survei/e1');
    expect(href('link-plan')).toBe('/evaluasi/rtl/e1');
    expect(href('link-follow-ups')).toBe('/evaluasi/tindak-lanjut');
  });

  it('links an active course whose survey is due to the survey only, without an inline form', async () => {
    await render(course('active', false));
    const links = root().querySelectorAll('[data-testid=course-evaluation-links]');
    expect(links).toHaveLength(1);
    expect(href('link-survey')).toBe('/evaluasi/survei/e1');
    expect(href('link-plan')).toBeNull();
    expect(root().querySelector('[data-testid=feedback-survey]')).toBeNull();
  });

  it('shows no evaluation links while the course runs without a survey due', async () => {
    await render(course('active', true));
    expect(root().querySelector('[data-testid=course-evaluation-links]')).toBeNull();
  });
});
