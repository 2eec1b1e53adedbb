import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogModule,
  MatDialogRef,
} from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import type { SimulationContent } from '@siantar/scenario';
import { confirmAction } from '@siantar/web-core';
import type { Observable } from 'rxjs';
import { ScenarioEditorComponent } from './scenario-editor.component';
import { starterContent } from './starter-content';

export interface ScenarioEditorDialogData {
  /** The lesson's content; null for a new simulation. */
  content: SimulationContent | null;
  /** The lesson's title, the new scenario's title too. */
  lessonTitle?: string;
}

/**
 * The scenario editor full screen (the lesson dialog is too narrow for a graph): "Selesai"
 * hands the edited content back to the lesson dialog, which saves it with the lesson.
 */
@Component({
  selector: 'sb-scenario-editor-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslatePipe, ScenarioEditorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="head">
      <h2 mat-dialog-title class="heading">
        {{ 'simulation.editor.dialogTitle' | translate }}
        @if (data.lessonTitle) {
          <span class="lesson">— {{ data.lessonTitle }}</span>
        }
      </h2>
      <p class="sb-muted note">{{ 'simulation.editor.saveNote' | translate }}</p>
      <div class="buttons">
        <button mat-button type="button" (click)="cancel()" data-testid="editor-cancel">
          {{ 'common.cancel' | translate }}
        </button>
        <button mat-flat-button type="button" (click)="done()" data-testid="editor-done">
          {{ 'simulation.editor.done' | translate }}
        </button>
      </div>
    </div>
    <sb-scenario-editor class="editor" [(content)]="content" />
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      height: 100%;
      box-sizing: border-box;
      padding: 8px 16px 12px;
      gap: 4px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 16px;
    }
    .heading {
      padding: 0;
      margin: 0;
      flex: 1 1 auto;
    }
    .heading::before {
      display: none;
    }
    .lesson {
      color: var(--mat-sys-on-surface-variant);
    }
    .note {
      margin: 0;
    }
    .buttons {
      display: flex;
      gap: 8px;
    }
    .editor {
      flex: 1;
      min-height: 0;
    }
  `,
})
export class ScenarioEditorDialogComponent {
  protected readonly data = inject<ScenarioEditorDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ScenarioEditorDialogComponent, SimulationContent>);
  private readonly dialog = inject(MatDialog);

  private readonly initial =
    this.data.content ?? starterContent(this.data.lessonTitle?.trim() || undefined);
  protected readonly content = signal<SimulationContent | null>(this.initial);

  constructor() {
    // Escape asks like Cancel does (the dialog does not close by itself: work could be lost).
    this.ref.keydownEvents().subscribe((e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        this.cancel();
      }
    });
  }

  protected done(): void {
    this.ref.close(this.content() ?? this.initial);
  }

  /** Leaving with changes asks first; they would be lost. */
  protected cancel(): void {
    if (this.content() === this.initial) {
      this.ref.close();
      return;
    }
    confirmAction(this.dialog, {
      title: 'simulation.editor.discardTitle',
      message: 'simulation.editor.discardMessage',
      confirm: 'simulation.editor.discard',
    }).subscribe((yes) => {
      if (yes) this.ref.close();
    });
  }
}

/** Opens the editor full screen; emits the edited content, or undefined when cancelled. */
export function openScenarioEditor(
  dialog: MatDialog,
  data: ScenarioEditorDialogData,
): Observable<SimulationContent | undefined> {
  return dialog
    .open<ScenarioEditorDialogComponent, ScenarioEditorDialogData, SimulationContent>(
      ScenarioEditorDialogComponent,
      {
        data,
        width: '100vw',
        height: '100dvh',
        maxWidth: '100vw',
        maxHeight: '100dvh',
        disableClose: true,
        autoFocus: 'first-tabbable',
      },
    )
    .afterClosed();
}
