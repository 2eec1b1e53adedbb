import type { Scenario } from '@siantar/scenario';

/** A scene's box on the editor's canvas, in canvas units (CSS pixels at 100 %). */
export const NODE_W = 200;
export const NODE_H = 72;
export const GAP_X = 104;
export const GAP_Y = 32;
export const MARGIN = 24;

export interface Point {
  x: number;
  y: number;
}

/** One arrow: a choice from one scene to another. */
export interface Edge {
  key: string;
  from: string;
  to: string;
  choiceId: string;
  label: string;
  /** SVG path data. */
  d: string;
  labelAt: Point;
}

/**
 * Columns by distance from the start scene (breadth-first); scenes the start does not reach
 * go in a column of their own after the others. Within a column, the scenes' list order.
 */
export function layeredPositions(s: Scenario): Map<string, Point> {
  const depth = new Map<string, number>();
  if (s.scenes.some((sc) => sc.id === s.startSceneId)) {
    depth.set(s.startSceneId, 0);
    const queue = [s.startSceneId];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      const scene = s.scenes.find((sc) => sc.id === id);
      for (const c of scene?.choices ?? [])
        if (c.targetSceneId !== null && !depth.has(c.targetSceneId)) {
          if (!s.scenes.some((sc) => sc.id === c.targetSceneId)) continue;
          depth.set(c.targetSceneId, (depth.get(id) ?? 0) + 1);
          queue.push(c.targetSceneId);
        }
    }
  }
  const lastColumn = Math.max(-1, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  const out = new Map<string, Point>();
  for (const sc of s.scenes) {
    if (out.has(sc.id)) continue;
    const col = depth.get(sc.id) ?? lastColumn;
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    out.set(sc.id, { x: MARGIN + col * (NODE_W + GAP_X), y: MARGIN + row * (NODE_H + GAP_Y) });
  }
  return out;
}

/** Where each scene is drawn: its saved position, or its place in the layered layout. */
export function positionsOf(s: Scenario): Map<string, Point> {
  const layered = s.scenes.some((sc) => !sc.position) ? layeredPositions(s) : null;
  const out = new Map<string, Point>();
  for (const sc of s.scenes)
    if (!out.has(sc.id))
      out.set(sc.id, sc.position ?? layered?.get(sc.id) ?? { x: MARGIN, y: MARGIN });
  return out;
}

/** The canvas size that holds every scene, with a margin to drag into. */
export function canvasSize(pos: Map<string, Point>): { width: number; height: number } {
  let width = 640;
  let height = 320;
  for (const p of pos.values()) {
    width = Math.max(width, p.x + NODE_W + GAP_X);
    height = Math.max(height, p.y + NODE_H + GAP_Y * 3);
  }
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

const overlaps = (a: Point, b: Point) =>
  Math.abs(a.x - b.x) < NODE_W + 8 && Math.abs(a.y - b.y) < NODE_H + 8;

/** A free place for a new scene: right of `near` (or below everything), moving down until free. */
export function freeSpot(pos: Map<string, Point>, near?: Point): Point {
  const all = [...pos.values()];
  const start = near
    ? { x: near.x + NODE_W + GAP_X, y: near.y }
    : { x: MARGIN, y: all.length ? Math.max(...all.map((p) => p.y)) + NODE_H + GAP_Y : MARGIN };
  const spot = { ...start };
  while (all.some((p) => overlaps(p, spot))) spot.y += NODE_H + GAP_Y;
  return spot;
}

const short = (text: string, max = 28) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** The arrows of every connected choice: from the scene's right side to the target's left side. */
export function edgesOf(s: Scenario, pos: Map<string, Point>): Edge[] {
  const edges: Edge[] = [];
  for (const sc of s.scenes) {
    const a = pos.get(sc.id);
    if (!a) continue;
    const n = sc.choices.length;
    sc.choices.forEach((c, k) => {
      const b = c.targetSceneId === null ? undefined : pos.get(c.targetSceneId);
      if (!b || c.targetSceneId === null) return;
      const y1 = a.y + (NODE_H * (k + 1)) / (n + 1);
      const x1 = a.x + NODE_W;
      let d: string;
      let labelAt: Point;
      if (c.targetSceneId === sc.id) {
        const top = a.y - 28 - k * 10;
        d = `M ${x1} ${y1} C ${x1 + 48} ${y1}, ${x1 + 16} ${top}, ${a.x + NODE_W / 2} ${top} S ${a.x + NODE_W / 2 - 24} ${a.y - 4}, ${a.x + NODE_W / 2 - 24} ${a.y - 2}`;
        labelAt = { x: a.x + NODE_W / 2, y: top - 4 };
      } else {
        const x2 = b.x;
        const y2 = b.y + NODE_H / 2;
        const bend = Math.max(48, Math.abs(x2 - x1) / 2);
        d = `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2 - 2} ${y2}`;
        labelAt = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 4 };
      }
      edges.push({
        key: `${sc.id}/${c.id}/${k}`,
        from: sc.id,
        to: c.targetSceneId,
        choiceId: c.id,
        label: short(c.label || c.id),
        d,
        labelAt,
      });
    });
  }
  return edges;
}
