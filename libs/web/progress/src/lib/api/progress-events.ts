import { Injectable, inject } from '@angular/core';
import type { CompletionChecklist, ExportJobView } from '@siantar/contracts';
import { UserEventsService } from '@siantar/web-assessment';
import { type Observable, merge } from 'rxjs';

/**
 * Payloads of the user events of completion, nudges and report exports on the `/notifications`
 * socket. Kept here until the server's event map (`UserServerEvents`) lists them; fields are
 * read defensively.
 */
export interface ProgressUserEvents {
  completion: Partial<CompletionChecklist> & { enrolmentId?: string };
  nudge: { fromName?: string; message?: string | null; courseId?: string | null };
  'report-export': Partial<ExportJobView> & { id?: string; exportId?: string };
}

interface LooseEvents {
  on(event: string): Observable<unknown>;
}

/** The progress events of the signed-in user, over the app's one notifications socket. */
@Injectable({ providedIn: 'root' })
export class ProgressEventsService {
  private readonly events = inject(UserEventsService);

  on<E extends keyof ProgressUserEvents>(event: E): Observable<ProgressUserEvents[E]> {
    return (this.events as unknown as LooseEvents).on(event) as Observable<ProgressUserEvents[E]>;
  }

  /** Emits on each `completion` event and on each (re)connection, when events may have been missed. */
  completionOrReconnect(): Observable<unknown> {
    return merge(this.on('completion'), this.events.connects);
  }
}
