import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import { type SimulationContent, validateScenario } from '@siantar/scenario';
import { openScenarioEditor } from './scenario-editor-dialog.component';

/**
 * A simulation lesson's content in the lesson dialog: what the scenario holds, whether it can
 * be submitted for review, and the button that opens the editor full screen.
 */
@Component({
  selector: 'sb-simulation-lesson-field',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (content(); as c) {
      <p class="summary" data-testid="simulation-summary">
        <strong>{{ c.scenario.title || ('simulation.editor.untitled' | translate) }}</strong> —
        {{
          'simulation.editor.field.summary'
            | translate: { scenes: c.scenario.scenes.length, endings: endings() }
        }}
      </p>
      @if (problemCount()) {
        <p class="sb-error-text" role="status">
          {{ 'simulation.editor.field.problems' | translate: { count: problemCount() } }}
        </p>
      } @else {
        <p class="ok" role="status">{{ 'simulation.editor.field.ready' | translate }}</p>
      }
    } @else {
      <p class="sb-muted">{{ 'simulation.editor.field.empty' | translate }}</p>
    }
    <button mat-stroked-button type="button" (click)="open()" data-testid="open-scenario-editor">
      {{
        (content() ? 'simulation.editor.field.edit' : 'simulation.editor.field.create') | translate
      }}
    </button>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
    }
    .summary {
      margin: 0;
    }
    .ok {
      margin: 0;
      color: #1b6e2a;
    }
  `,
})
export class SimulationLessonFieldComponent {
  readonly content = model<SimulationContent | null>(null);
  readonly lessonTitle = input('');

  private readonly dialog = inject(MatDialog);

  protected readonly endings = computed(
    () => this.content()?.scenario.scenes.filter((s) => s.ending).length ?? 0,
  );
  protected readonly problemCount = computed(() => {
    const c = this.content();
    return c ? validateScenario(c.scenario).length : 0;
  });

  protected open(): void {
    openScenarioEditor(this.dialog, {
      content: this.content(),
      lessonTitle: this.lessonTitle(),
    }).subscribe((edited) => {
      if (edited) this.content.set(edited);
    });
  }
}
