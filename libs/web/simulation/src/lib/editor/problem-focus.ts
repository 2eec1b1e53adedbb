import type { ScenarioProblem } from '@siantar/scenario';

/** The problems of each scene, by scene id. */
export function problemsByScene(problems: ScenarioProblem[]): Map<string, ScenarioProblem[]> {
  const out = new Map<string, ScenarioProblem[]>();
  for (const p of problems)
    if (p.sceneId !== null) out.set(p.sceneId, [...(out.get(p.sceneId) ?? []), p]);
  return out;
}

/** A problem's path inside its scene: `scenes[2].choices[0].label` → `choices[0].label`. */
export const scenePath = (path: string): string => path.replace(/^scenes\[\d+\]\.?/, '');

/** The path and each shorter prefix: `a.b[0].c` → `a.b[0].c`, `a.b[0]`, `a.b`, `a`. */
export function pathCandidates(path: string): string[] {
  const out: string[] = [];
  let p = path;
  while (p) {
    out.push(p);
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  return out;
}

/** The field a problem is about: the control marked `data-path` with the longest matching prefix. */
export function findPathTarget(root: ParentNode, path: string): HTMLElement | null {
  for (const p of pathCandidates(path)) {
    const el = root.querySelector<HTMLElement>(`[data-path="${p.replace(/["\\]/g, '\\$&')}"]`);
    if (el) return el;
  }
  return null;
}

const FOCUSABLE = 'input, textarea, select, button, [tabindex]';

/**
 * Focuses the field a problem points at (inside `root`), opening the folded sections around
 * it; the scene part of the path is dropped, as the root shows one scene. False if not found.
 */
export function focusProblemField(root: HTMLElement, path: string): boolean {
  const el = findPathTarget(root, scenePath(path));
  if (!el) return false;
  for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null)
    d.open = true;
  const target = el.matches(FOCUSABLE) ? el : (el.querySelector<HTMLElement>(FOCUSABLE) ?? el);
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
  return true;
}
