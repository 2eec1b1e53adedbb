import type { MatDialog } from '@angular/material/dialog';
import type { QuizView } from '@siantar/contracts';
import { type Observable, from, switchMap } from 'rxjs';
import type { QuizSettingsDialogData } from './quiz-settings-dialog.component';

export type { QuizSettingsDialogData };

/**
 * Opens the quiz settings editor in a dialog; the editor's code loads only now.
 * Emits the saved quiz (new or changed), or undefined when closed without saving.
 */
export function openQuizSettingsDialog(
  dialog: MatDialog,
  data: QuizSettingsDialogData,
): Observable<QuizView | undefined> {
  return from(import('./quiz-settings-dialog.component')).pipe(
    switchMap(({ QuizSettingsDialogComponent }) =>
      dialog
        .open<InstanceType<typeof QuizSettingsDialogComponent>, QuizSettingsDialogData, QuizView>(
          QuizSettingsDialogComponent,
          {
            data,
            width: '960px',
            maxWidth: '100vw',
            maxHeight: '96vh',
            autoFocus: 'first-tabbable',
          },
        )
        .afterClosed(),
    ),
  );
}
