import {
  DestroyRef,
  type EnvironmentProviders,
  inject,
  provideEnvironmentInitializer,
} from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';
import { ProgressEventsService } from '../api/progress-events';

/**
 * Shows a supervisor's nudge (the `nudge` user event) as a snack bar wherever the learner is,
 * with a link to "Pembelajaran saya". Put it on the signed-in shell route.
 */
export function provideNudgeNotices(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    const snackBar = inject(MatSnackBar);
    const translate = inject(TranslateService);
    const router = inject(Router);
    const subscription = inject(ProgressEventsService).nudges.subscribe((nudge) => {
      const text = translate.instant(
        nudge.courseTitle ? 'progress.nudge.receivedCourse' : 'progress.nudge.received',
        { from: nudge.from, course: nudge.courseTitle, message: nudge.message },
      ) as string;
      snackBar
        .open(text.replace(/:\s*$/, ''), translate.instant('progress.nudge.open') as string, {
          duration: 15000,
        })
        .onAction()
        .subscribe(() => void router.navigateByUrl('/belajar'));
    });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  });
}
