import type { MenuPathPractice } from '@siantar/scenario';
import { counterScenario } from './editor.fixtures';
import { addMenuScreen, newOptionId, removeMenuScreen, walkMenuPath } from './menu-practice-ops';

const menu = () => counterScenario().scenes[1].practice as MenuPathPractice;

describe('menu practice', () => {
  it('follows the expected path to its end', () => {
    expect(walkMenuPath(menu())).toEqual({
      steps: [
        { screenTitle: 'Beranda', optionLabel: 'Pencatatan Sipil' },
        { screenTitle: 'Pencatatan Sipil', optionLabel: 'Akta Kelahiran' },
      ],
      screen: null,
      broken: false,
    });
  });

  it('stops on the screen where the next pick is made', () => {
    const w = walkMenuPath({ ...menu(), expectedPath: ['capil'] });
    expect(w.screen?.id).toBe('capil');
    expect(w.steps).toHaveLength(1);
  });

  it('notices a path that no longer matches the menus', () => {
    expect(walkMenuPath({ ...menu(), expectedPath: ['akta'] }).broken).toBe(true);
  });

  it('adds a screen with a fresh option id, and removes one, unlinking what opened it', () => {
    const added = addMenuScreen(menu());
    expect(added.screens.at(-1)).toEqual({
      id: 'layar-3',
      title: '',
      options: [{ id: 'menu-4', label: '', nextScreenId: null }],
    });
    expect(newOptionId(added)).toBe('menu-5');
    const removed = removeMenuScreen(menu(), 'capil');
    expect(removed.screens[0].options[0].nextScreenId).toBeNull();
    expect(removeMenuScreen(menu(), 'beranda').startScreenId).toBe('capil');
  });
});
