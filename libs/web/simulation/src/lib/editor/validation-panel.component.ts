import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { Scenario, ScenarioProblem } from '@siantar/scenario';

interface ProblemGroup {
  sceneId: string | null;
  title: string | null;
  problems: ScenarioProblem[];
}

/**
 * What stops the scenario from being submitted for review, live: the scenario's own problems
 * first, then each scene's in scene order. Picking one selects its scene and its field.
 */
@Component({
  selector: 'sb-validation-panel',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problems().length === 0) {
      <p class="ok" role="status">{{ 'simulation.editor.problems.none' | translate }}</p>
    } @else {
      <p class="summary" role="status">
        {{ 'simulation.editor.problems.summary' | translate: { count: problems().length } }}
      </p>
      @for (g of groups(); track g.sceneId) {
        <section class="group">
          <h4>
            {{ g.sceneId === null ? ('simulation.editor.problems.general' | translate) : g.title }}
          </h4>
          <ul>
            @for (p of g.problems; track $index) {
              <li>
                <button
                  type="button"
                  class="problem"
                  (click)="pick.emit(p)"
                  [attr.data-code]="p.code"
                >
                  {{ p.message }}
                </button>
              </li>
            }
          </ul>
        </section>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .ok {
      padding: 12px;
      border-radius: 8px;
      background: #d8f5dc;
      color: #0f4a1b;
    }
    .summary {
      margin-top: 0;
    }
    h4 {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
      overflow-wrap: anywhere;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .problem {
      width: 100%;
      text-align: start;
      border: 1px solid var(--mat-sys-outline-variant);
      border-inline-start: 4px solid var(--mat-sys-error);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
      padding: 8px 12px;
      cursor: pointer;
    }
    .problem:hover {
      background: var(--mat-sys-surface-container-high);
    }
  `,
})
export class ValidationPanelComponent {
  readonly problems = input.required<ScenarioProblem[]>();
  readonly scenario = input.required<Scenario>();
  readonly pick = output<ScenarioProblem>();

  protected readonly groups = computed<ProblemGroup[]>(() => {
    const problems = this.problems();
    const general = problems.filter((p) => p.sceneId === null);
    const out: ProblemGroup[] = general.length
      ? [{ sceneId: null, title: null, problems: general }]
      : [];
    const seen = new Set<string>();
    for (const sc of this.scenario().scenes) {
      if (seen.has(sc.id)) continue;
      seen.add(sc.id);
      const own = problems.filter((p) => p.sceneId === sc.id);
      if (own.length) out.push({ sceneId: sc.id, title: sc.title || sc.id, problems: own });
    }
    return out;
  });
}
