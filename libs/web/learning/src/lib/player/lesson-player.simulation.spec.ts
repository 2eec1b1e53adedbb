import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
  signal,
  type Type,
} from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import type { LessonPlayerResponse } from '@siantar/contracts';
import { provideLearning } from '../learning.routes';
import { ProgressQueueService } from '../progress/progress-queue.service';
import { LessonPlayerComponent } from './lesson-player.component';

/** Stands in for web-simulation's player: the same inputs and `runEnded`. */
@Component({
  selector: 'sb-simulation-player',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p data-testid="fake-simulation">{{ enrolmentId() }}/{{ lessonId() }}</p>`,
})
class FakeSimulationPlayerComponent {
  static last: FakeSimulationPlayerComponent | null = null;
  readonly enrolmentId = input.required<string>();
  readonly lessonId = input.required<string>();
  readonly runEnded = output<unknown>();
  constructor() {
    FakeSimulationPlayerComponent.last = this;
  }
}

jest.mock('@siantar/web-simulation', () => ({
  loadSimulationPlayerComponent: (): Promise<Type<unknown>> =>
    Promise.resolve(FakeSimulationPlayerComponent),
}));

const LESSON_URL = '/api/v1/enrolments/e1/lessons/l-sim';

function lesson(status: 'in-progress' | 'completed'): LessonPlayerResponse {
  return {
    lessonId: 'l-sim',
    enrolmentId: 'e1',
    type: 'simulation',
    title: 'Melayani permohonan akta kelahiran',
    durationMinutes: 15,
    previousLessonId: null,
    nextLessonId: null,
    progress: {
      status,
      percent: status === 'completed' ? 100 : 0,
    } as LessonPlayerResponse['progress'],
  };
}

describe('LessonPlayerComponent with a simulation lesson', () => {
  let fixture: ComponentFixture<LessonPlayerComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const settle = async (): Promise<void> => {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        provideLearning(),
        {
          provide: ProgressQueueService,
          useValue: {
            start: jest.fn(),
            status: signal('saved'),
            lessonState: () => undefined,
            record: jest.fn(() => Promise.resolve('event')),
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LessonPlayerComponent);
    fixture.componentRef.setInput('enrolmentId', 'e1');
    fixture.componentRef.setInput('lessonId', 'l-sim');
    await fixture.whenStable();
    http.expectOne(LESSON_URL).flush(lesson('in-progress'));
    await settle();
  });

  afterEach(() => http.verify());

  it('shows the simulation player and reads the lesson status again when a run ends', async () => {
    expect(root().querySelector('[data-testid="fake-simulation"]')?.textContent).toBe('e1/l-sim');
    expect(root().querySelector('[data-testid="lesson-status"]')?.getAttribute('data-status')).toBe(
      'in-progress',
    );

    FakeSimulationPlayerComponent.last?.runEnded.emit({});
    http.expectOne(LESSON_URL).flush(lesson('completed'));
    await settle();
    expect(root().querySelector('[data-testid="lesson-status"]')?.getAttribute('data-status')).toBe(
      'completed',
    );
    // The same player stays (no reload, no new run).
    expect(root().querySelectorAll('[data-testid="fake-simulation"]')).toHaveLength(1);
  });
});
