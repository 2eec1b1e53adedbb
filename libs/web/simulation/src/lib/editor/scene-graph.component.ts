import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { Scenario, ScenarioProblem } from '@siantar/scenario';
import { NODE_H, NODE_W, type Point, canvasSize, edgesOf, positionsOf } from './graph-layout';

interface GraphNode {
  id: string;
  x: number;
  y: number;
  title: string;
  fullTitle: string;
  start: boolean;
  rating: string | null;
  choices: number;
  unconnected: number;
  practice: string | null;
  problems: number;
}

interface Drag {
  id: string;
  pointerId: number;
  startX: number;
  startY: number;
  origin: Point;
  moved: boolean;
}

/** Keyboard steps for moving a selected box: arrows move 16 units, with Shift 64. */
const STEP = 16;

let nextGraphId = 0;

/**
 * The scene graph: a box per scene at its position, an arrow per connected choice. Boxes are
 * dragged with a pointer or moved with the arrow keys; Enter selects. The start is marked and
 * endings are coloured (and named) by rating.
 */
@Component({
  selector: 'sb-scene-graph',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="sb-visually-hidden" [id]="uid + '-help'">
      {{ 'simulation.editor.graph.help' | translate }}
    </p>
    <div class="scroll">
      <svg
        role="group"
        [attr.aria-label]="'simulation.editor.graph.label' | translate"
        [attr.aria-describedby]="uid + '-help'"
        [attr.width]="size().width * zoom()"
        [attr.height]="size().height * zoom()"
        [attr.viewBox]="'0 0 ' + size().width + ' ' + size().height"
        (pointermove)="onPointerMove($event)"
        (pointerup)="onPointerUp($event)"
        (pointercancel)="drag = null; dragAt.set(null)"
      >
        <defs>
          <marker
            [attr.id]="uid + '-arrow'"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
          </marker>
        </defs>
        @for (e of edges(); track e.key) {
          <path
            class="edge"
            [class.active]="e.from === selectedId() || e.to === selectedId()"
            [attr.d]="e.d"
            [attr.marker-end]="'url(#' + uid + '-arrow)'"
          />
        }
        @for (e of edges(); track e.key) {
          @if (e.from === selectedId()) {
            <text class="edge-label" [attr.x]="e.labelAt.x" [attr.y]="e.labelAt.y">
              {{ e.label }}
            </text>
          }
        }
        @for (n of nodes(); track n.id) {
          <g
            class="node"
            [class.selected]="n.id === selectedId()"
            [class.start]="n.start"
            [class.ending-best]="n.rating === 'best'"
            [class.ending-acceptable]="n.rating === 'acceptable'"
            [class.ending-poor]="n.rating === 'poor'"
            [class.has-problems]="n.problems > 0"
            [attr.transform]="'translate(' + n.x + ' ' + n.y + ')'"
            tabindex="0"
            role="button"
            [attr.data-scene]="n.id"
            [attr.aria-pressed]="n.id === selectedId()"
            [attr.aria-label]="
              'simulation.editor.graph.node'
                | translate
                  : {
                      title: n.fullTitle,
                      kind:
                        (n.rating
                          ? 'simulation.editor.rating.' + n.rating
                          : n.start
                            ? 'simulation.editor.graph.startScene'
                            : 'simulation.editor.graph.scene'
                        ) | translate,
                      choices: n.choices,
                      problems: n.problems,
                    }
            "
            (pointerdown)="onPointerDown($event, n.id)"
            (keydown)="onKey($event, n.id)"
          >
            <title>{{ n.fullTitle }}</title>
            <rect class="box" [attr.width]="w" [attr.height]="h" rx="10" />
            @if (n.start) {
              <rect class="start-tag" x="8" y="-11" width="64" height="20" rx="10" />
              <text class="start-text" x="40" y="3" text-anchor="middle">
                {{ 'simulation.editor.graph.start' | translate }}
              </text>
            }
            <text class="title" x="12" y="30">{{ n.title }}</text>
            <text class="meta" x="12" y="54">
              @if (n.rating) {
                {{ 'simulation.editor.rating.' + n.rating | translate }}
              } @else {
                {{ 'simulation.editor.graph.choices' | translate: { count: n.choices } }}
                @if (n.unconnected) {
                  ·
                  {{ 'simulation.editor.graph.unconnected' | translate: { count: n.unconnected } }}
                }
              }
              @if (n.practice) {
                · {{ 'simulation.editor.practice.kind.' + n.practice | translate }}
              }
            </text>
            @if (n.problems) {
              <circle class="badge" [attr.cx]="w - 4" cy="4" r="11" />
              <text class="badge-text" [attr.x]="w - 4" y="8" text-anchor="middle">
                {{ n.problems }}
              </text>
            }
          </g>
        }
      </svg>
    </div>
  `,
  styles: `
    :host {
      display: block;
      min-height: 0;
    }
    .scroll {
      overflow: auto;
      height: 100%;
      background:
        radial-gradient(circle, var(--mat-sys-outline-variant) 1px, transparent 1px) 0 0 / 16px 16px,
        var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    svg {
      display: block;
      user-select: none;
    }
    .edge {
      fill: none;
      stroke: var(--mat-sys-outline);
      stroke-width: 1.5;
    }
    .edge.active {
      stroke: var(--mat-sys-primary);
      stroke-width: 2.5;
    }
    .arrow-head {
      fill: var(--mat-sys-outline);
    }
    .edge-label {
      font: 12px sans-serif;
      fill: var(--mat-sys-on-surface);
      paint-order: stroke;
      stroke: var(--mat-sys-surface);
      stroke-width: 4px;
      text-anchor: middle;
    }
    /* Boxes take the touch (to drag them); the canvas around them still scrolls by touch. */
    .node {
      cursor: grab;
      outline: none;
      touch-action: none;
    }
    .box {
      fill: var(--mat-sys-surface-container-high);
      stroke: var(--mat-sys-outline);
      stroke-width: 1.5;
    }
    .node.start .box {
      stroke: var(--mat-sys-primary);
      stroke-width: 3;
    }
    .node.selected .box {
      stroke: var(--mat-sys-primary);
      stroke-width: 3;
      fill: var(--mat-sys-primary-container);
    }
    .node:focus-visible .box {
      stroke: var(--mat-sys-primary);
      stroke-width: 4;
      stroke-dasharray: 6 3;
    }
    .ending-best .box {
      fill: #d8f5dc;
      stroke: #1b6e2a;
    }
    .ending-acceptable .box {
      fill: #fff1c7;
      stroke: #8a6100;
    }
    .ending-poor .box {
      fill: #ffdad6;
      stroke: #a1262b;
    }
    .title {
      font: 600 14px sans-serif;
      fill: var(--mat-sys-on-surface);
    }
    .meta {
      font: 12px sans-serif;
      fill: var(--mat-sys-on-surface-variant);
    }
    .start-tag {
      fill: var(--mat-sys-primary);
    }
    .start-text {
      font: 600 11px sans-serif;
      fill: var(--mat-sys-on-primary);
    }
    .badge {
      fill: var(--mat-sys-error);
    }
    .badge-text {
      font: 600 11px sans-serif;
      fill: var(--mat-sys-on-error);
    }
  `,
})
export class SceneGraphComponent {
  readonly scenario = input.required<Scenario>();
  readonly selectedId = input<string | null>(null);
  readonly problems = input<Map<string, ScenarioProblem[]>>(new Map());
  /** 1 = 100 %. */
  readonly zoom = input(1);

  readonly selectScene = output<string>();
  readonly moved = output<{ id: string; position: Point }>();

  protected readonly uid = `sb-graph-${nextGraphId++}`;
  protected readonly w = NODE_W;
  protected readonly h = NODE_H;
  protected drag: Drag | null = null;
  /** The box being dragged, drawn where the pointer is until it is dropped. */
  protected readonly dragAt = signal<{ id: string; at: Point } | null>(null);

  private readonly positions = computed(() => {
    const pos = positionsOf(this.scenario());
    const d = this.dragAt();
    if (d) pos.set(d.id, d.at);
    return pos;
  });
  protected readonly size = computed(() => canvasSize(this.positions()));
  protected readonly edges = computed(() => edgesOf(this.scenario(), this.positions()));
  protected readonly nodes = computed<GraphNode[]>(() => {
    const s = this.scenario();
    const pos = this.positions();
    const problems = this.problems();
    return s.scenes.map((sc) => {
      const p = pos.get(sc.id) ?? { x: 0, y: 0 };
      const fullTitle = sc.title || sc.id;
      return {
        id: sc.id,
        x: p.x,
        y: p.y,
        fullTitle,
        title: fullTitle.length > 24 ? `${fullTitle.slice(0, 23).trimEnd()}…` : fullTitle,
        start: sc.id === s.startSceneId,
        rating: sc.ending?.rating ?? null,
        choices: sc.choices.length,
        unconnected: sc.choices.filter((c) => c.targetSceneId === null).length,
        practice: sc.practice?.kind ?? null,
        problems: problems.get(sc.id)?.length ?? 0,
      };
    });
  });

  protected onPointerDown(e: PointerEvent, id: string): void {
    if (e.button !== 0) return;
    const origin = this.positions().get(id) ?? { x: 0, y: 0 };
    this.drag = {
      id,
      pointerId: e.pointerId,
      startX: e.clientX,
      startY: e.clientY,
      origin,
      moved: false,
    };
    (e.currentTarget as Element | null)?.setPointerCapture?.(e.pointerId);
    this.selectScene.emit(id);
  }

  protected onPointerMove(e: PointerEvent): void {
    const d = this.drag;
    if (!d || d.pointerId !== e.pointerId) return;
    const dx = (e.clientX - d.startX) / this.zoom();
    const dy = (e.clientY - d.startY) / this.zoom();
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    d.moved = true;
    this.dragAt.set({
      id: d.id,
      at: { x: Math.max(0, d.origin.x + dx), y: Math.max(0, d.origin.y + dy) },
    });
  }

  protected onPointerUp(e: PointerEvent): void {
    const d = this.drag;
    if (!d || d.pointerId !== e.pointerId) return;
    const at = this.dragAt();
    this.drag = null;
    if (d.moved && at) this.moved.emit({ id: d.id, position: at.at });
    this.dragAt.set(null);
  }

  protected onKey(e: KeyboardEvent, id: string): void {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.selectScene.emit(id);
      return;
    }
    const step = e.shiftKey ? STEP * 4 : STEP;
    const delta: Record<string, Point> = {
      ArrowLeft: { x: -step, y: 0 },
      ArrowRight: { x: step, y: 0 },
      ArrowUp: { x: 0, y: -step },
      ArrowDown: { x: 0, y: step },
    };
    const d = delta[e.key];
    if (!d) return;
    e.preventDefault();
    const p = this.positions().get(id) ?? { x: 0, y: 0 };
    this.moved.emit({ id, position: { x: Math.max(0, p.x + d.x), y: Math.max(0, p.y + d.y) } });
  }
}
