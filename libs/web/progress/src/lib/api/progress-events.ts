import { Injectable, inject } from '@angular/core';
import { UserEventsService } from '@siantar/web-assessment';
import { type Observable, merge } from 'rxjs';

/** The progress events of the signed-in user, over the app's one notifications socket. */
@Injectable({ providedIn: 'root' })
export class ProgressEventsService {
  private readonly events = inject(UserEventsService);

  readonly completions = this.events.on('completion');
  /** Every (re)connection: events may have been missed, refetch. */
  readonly connects = this.events.connects;
  readonly exports = this.events.on('report-export');
  readonly nudges = this.events.on('nudge');

  /** Emits on each `completion` event and on each (re)connection, when events may have been missed. */
  completionOrReconnect(): Observable<unknown> {
    return merge(this.completions, this.connects);
  }
}
