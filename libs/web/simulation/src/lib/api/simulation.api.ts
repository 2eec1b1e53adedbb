import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  SimulationActionRequest,
  SimulationActionResponse,
  SimulationAnalytics,
  SimulationLessonView,
  SimulationRunView,
} from '@siantar/contracts';
import { apiUrl } from '@siantar/web-core';
import type { Observable } from 'rxjs';

const id = (value: string): string => encodeURIComponent(value);

/** The simulation calls: the learner's runs and the trainer's analytics. */
@Injectable({ providedIn: 'root' })
export class SimulationApi {
  private readonly http = inject(HttpClient);

  /** The lesson for its learner: the run in play (to resume), the runs before, which counts. */
  lesson(enrolmentId: string, lessonId: string): Observable<SimulationLessonView> {
    return this.http.get<SimulationLessonView>(
      apiUrl(`/enrolments/${id(enrolmentId)}/lessons/${id(lessonId)}/simulation`),
    );
  }

  /** 201: a new run ("Mulai", "Main lagi"); an unfinished one is abandoned. */
  start(enrolmentId: string, lessonId: string): Observable<SimulationRunView> {
    return this.http.post<SimulationRunView>(
      apiUrl(`/enrolments/${id(enrolmentId)}/lessons/${id(lessonId)}/simulation-runs`),
      {},
    );
  }

  run(runId: string): Observable<SimulationRunView> {
    return this.http.get<SimulationRunView>(apiUrl(`/simulation-runs/${id(runId)}`));
  }

  /**
   * One move; `seq` is the run's seq + 1. The same seq and action sent again returns the first
   * answer; 409 `simulation.out-of-step` when the seq does not fit.
   */
  act(runId: string, request: SimulationActionRequest): Observable<SimulationActionResponse> {
    return this.http.post<SimulationActionResponse>(
      apiUrl(`/simulation-runs/${id(runId)}/actions`),
      request,
    );
  }

  analytics(courseId: string, lessonId: string): Observable<SimulationAnalytics> {
    return this.http.get<SimulationAnalytics>(
      apiUrl(`/authoring/courses/${id(courseId)}/lessons/${id(lessonId)}/simulation-analytics`),
    );
  }
}
