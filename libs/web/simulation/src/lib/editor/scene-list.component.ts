import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import type { Scenario, ScenarioProblem } from '@siantar/scenario';

/**
 * The scenes as a list: select one, move it up or down (the keyboard way to reorder, and the
 * view phones get instead of the graph). Start, endings and problem counts are named in text.
 */
@Component({
  selector: 'sb-scene-list',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="scenes" [attr.aria-label]="'simulation.editor.list.label' | translate">
      @for (
        sc of scenario().scenes;
        track sc.id;
        let i = $index;
        let first = $first;
        let last = $last
      ) {
        <li [class.selected]="sc.id === selectedId()">
          <button
            type="button"
            class="pick"
            [attr.data-scene]="sc.id"
            [attr.aria-current]="sc.id === selectedId() ? 'true' : null"
            (click)="selectScene.emit(sc.id)"
          >
            <span class="name">{{ sc.title || sc.id }}</span>
            <span class="tags">
              @if (sc.id === scenario().startSceneId) {
                <span class="sb-chip">{{ 'simulation.editor.graph.start' | translate }}</span>
              }
              @if (sc.ending; as end) {
                <span class="sb-chip" [class]="'rating-' + end.rating">
                  {{ 'simulation.editor.rating.' + end.rating | translate }}
                </span>
              } @else {
                <span class="sb-muted">
                  {{ 'simulation.editor.graph.choices' | translate: { count: sc.choices.length } }}
                </span>
              }
              @if (problems().get(sc.id)?.length; as n) {
                <span class="sb-chip sb-chip-error">
                  {{ 'simulation.editor.problems.count' | translate: { count: n } }}
                </span>
              }
            </span>
          </button>
          <span class="moves">
            <button
              mat-icon-button
              type="button"
              [disabled]="first"
              (click)="move.emit({ index: i, delta: -1 })"
              [attr.aria-label]="
                'simulation.editor.list.up' | translate: { title: sc.title || sc.id }
              "
              [title]="'simulation.editor.list.up' | translate: { title: sc.title || sc.id }"
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              mat-icon-button
              type="button"
              [disabled]="last"
              (click)="move.emit({ index: i, delta: 1 })"
              [attr.aria-label]="
                'simulation.editor.list.down' | translate: { title: sc.title || sc.id }
              "
              [title]="'simulation.editor.list.down' | translate: { title: sc.title || sc.id }"
            >
              <span aria-hidden="true">↓</span>
            </button>
          </span>
        </li>
      }
    </ol>
  `,
  styles: `
    :host {
      display: block;
      overflow: auto;
    }
    .scenes {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    li {
      display: flex;
      align-items: center;
      gap: 4px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface);
    }
    li.selected {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .pick {
      flex: 1;
      min-width: 0;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
      padding: 8px 12px;
      border: 0;
      background: none;
      font: inherit;
      color: inherit;
      text-align: start;
      cursor: pointer;
      border-radius: 8px;
    }
    .name {
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: center;
    }
    .moves {
      display: flex;
      flex-shrink: 0;
    }
    .rating-best {
      background: #d8f5dc;
      color: #0f4a1b;
    }
    .rating-acceptable {
      background: #fff1c7;
      color: #5c4100;
    }
    .rating-poor {
      background: #ffdad6;
      color: #7a1a1f;
    }
  `,
})
export class SceneListComponent {
  readonly scenario = input.required<Scenario>();
  readonly selectedId = input<string | null>(null);
  readonly problems = input<Map<string, ScenarioProblem[]>>(new Map());

  readonly selectScene = output<string>();
  readonly move = output<{ index: number; delta: number }>();
}
