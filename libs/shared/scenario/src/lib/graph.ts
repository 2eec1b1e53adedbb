import type { Scenario } from './model';

/** The scene graph as adjacency lists, by scene index; choices without a known target are left out. */
export function adjacency(s: Scenario): number[][] {
  const index = new Map<string, number>();
  s.scenes.forEach((sc, i) => {
    if (!index.has(sc.id)) index.set(sc.id, i);
  });
  return s.scenes.map((sc) =>
    sc.choices
      .map((c) => (c.targetSceneId === null ? undefined : index.get(c.targetSceneId)))
      .filter((t): t is number => t !== undefined),
  );
}

/** Scenes reachable from `from` (breadth-first), as a flag per scene. */
export function reachableFrom(adj: number[][], from: number[]): boolean[] {
  const seen = adj.map(() => false);
  const queue = [...from];
  for (const f of from) seen[f] = true;
  while (queue.length > 0) {
    const v = queue.shift() as number;
    for (const w of adj[v])
      if (!seen[w]) {
        seen[w] = true;
        queue.push(w);
      }
  }
  return seen;
}

/** The same graph with every edge turned around. */
export function reversed(adj: number[][]): number[][] {
  const rev: number[][] = adj.map(() => []);
  adj.forEach((targets, v) => {
    for (const w of targets) rev[w].push(v);
  });
  return rev;
}
