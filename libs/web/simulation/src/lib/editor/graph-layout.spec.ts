import { counterScenario } from './editor.fixtures';
import {
  NODE_H,
  NODE_W,
  canvasSize,
  edgesOf,
  freeSpot,
  layeredPositions,
  positionsOf,
} from './graph-layout';

describe('graph layout', () => {
  it('draws scenes at their saved positions and lays out those without one', () => {
    const s = counterScenario();
    delete s.scenes[2].position;
    const pos = positionsOf(s);
    expect(pos.get('awal')).toEqual({ x: 24, y: 24 });
    expect(pos.get('marah')).toEqual(layeredPositions(s).get('marah'));
  });

  it('puts scenes the start does not reach in a column after the others', () => {
    const s = counterScenario();
    s.scenes.push({ id: 'lepas', title: 'Lepas', narrative: 'x', choices: [] });
    const pos = layeredPositions(s);
    const xs = s.scenes.filter((sc) => sc.id !== 'lepas').map((sc) => pos.get(sc.id)?.x ?? 0);
    expect(pos.get('lepas')?.x).toBeGreaterThan(Math.max(...xs));
  });

  it('draws an arrow per connected choice, from the right side to the target', () => {
    const s = counterScenario();
    s.scenes[0].choices.push({ id: 'lepas', label: 'Belum', targetSceneId: null });
    const edges = edgesOf(s, positionsOf(s));
    expect(edges.map((e) => `${e.from}>${e.to}`)).toEqual([
      'awal>menu',
      'awal>marah',
      'menu>terbaik',
      'marah>cukup',
      'marah>marah',
      'marah>buruk',
    ]);
    expect(edges[0].d.startsWith(`M ${24 + NODE_W} `)).toBe(true);
    expect(edges[0].d.endsWith(`${328 - 2} ${24 + NODE_H / 2}`)).toBe(true);
  });

  it('sizes the canvas to hold every box with room to drag', () => {
    const size = canvasSize(positionsOf(counterScenario()));
    expect(size.width).toBeGreaterThan(632 + NODE_W);
    expect(size.height).toBeGreaterThan(232 + NODE_H);
  });

  it('finds a free spot below the boxes in the way', () => {
    const pos = positionsOf(counterScenario());
    const spot = freeSpot(pos);
    for (const p of pos.values())
      expect(Math.abs(p.x - spot.x) >= NODE_W || Math.abs(p.y - spot.y) >= NODE_H).toBe(true);
  });
});
