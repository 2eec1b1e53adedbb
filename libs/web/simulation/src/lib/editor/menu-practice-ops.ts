import type { MenuPathPractice, MenuScreen } from '@siantar/scenario';
import { uniqueKey } from './list-edit';

/** One step of the expected path, as the author sees it. */
export interface PathStep {
  screenTitle: string;
  optionLabel: string;
}

/**
 * Follows the expected path from the start screen: the steps taken, the screen it ends on
 * (where the next pick is made; null once an option opens no screen) and whether a step is
 * no longer an option of its screen (after the menus were edited).
 */
export function walkMenuPath(p: MenuPathPractice): {
  steps: PathStep[];
  screen: MenuScreen | null;
  broken: boolean;
} {
  const screens = new Map(p.screens.map((s) => [s.id, s]));
  let screen = screens.get(p.startScreenId) ?? null;
  const steps: PathStep[] = [];
  for (const optionId of p.expectedPath) {
    const option = screen?.options.find((o) => o.id === optionId);
    if (!screen || !option) return { steps, screen, broken: true };
    steps.push({ screenTitle: screen.title, optionLabel: option.label || option.id });
    screen = option.nextScreenId === null ? null : (screens.get(option.nextScreenId) ?? null);
  }
  return { steps, screen, broken: false };
}

export function addMenuScreen(p: MenuPathPractice): MenuPathPractice {
  const id = uniqueKey(
    `layar-${p.screens.length + 1}`,
    p.screens.map((s) => s.id),
  );
  const optionIds = p.screens.flatMap((s) => s.options.map((o) => o.id));
  const option = {
    id: uniqueKey(`menu-${optionIds.length + 1}`, optionIds),
    label: '',
    nextScreenId: null,
  };
  return { ...p, screens: [...p.screens, { id, title: '', options: [option] }] };
}

/** Removes a screen: options that opened it open nothing; the start moves to the first screen. */
export function removeMenuScreen(p: MenuPathPractice, id: string): MenuPathPractice {
  const screens = p.screens
    .filter((s) => s.id !== id)
    .map((s) => ({
      ...s,
      options: s.options.map((o) => (o.nextScreenId === id ? { ...o, nextScreenId: null } : o)),
    }));
  const startScreenId = p.startScreenId === id ? (screens[0]?.id ?? '') : p.startScreenId;
  return { ...p, screens, startScreenId };
}

/** A new option id, unique across the practice (the expected path names options by id). */
export function newOptionId(p: MenuPathPractice): string {
  const ids = p.screens.flatMap((s) => s.options.map((o) => o.id));
  return uniqueKey(`menu-${ids.length + 1}`, ids);
}
