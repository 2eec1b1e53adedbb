import { validateScenario } from '@siantar/scenario';
import { counterScenario } from './editor.fixtures';
import {
  findPathTarget,
  focusProblemField,
  pathCandidates,
  problemsByScene,
  scenePath,
} from './problem-focus';

describe('problem focus', () => {
  it('groups problems by scene', () => {
    const s = counterScenario();
    s.scenes[0].title = '';
    s.scenes[2].choices[0].targetSceneId = null;
    const by = problemsByScene(validateScenario(s));
    expect(by.get('awal')?.map((p) => p.code)).toEqual(['missing-text']);
    expect(by.get('marah')?.map((p) => p.code)).toEqual(['choice-without-target']);
  });

  it('turns a problem path into the scene’s own path and its prefixes', () => {
    expect(scenePath('scenes[2].choices[0].targetSceneId')).toBe('choices[0].targetSceneId');
    expect(scenePath('scenes[2]')).toBe('');
    expect(scenePath('variables[1]')).toBe('variables[1]');
    expect(pathCandidates('practice.fields[0].expected')).toEqual([
      'practice.fields[0].expected',
      'practice.fields[0]',
      'practice.fields',
      'practice',
    ]);
  });

  it('finds the closest marked field, opens its folded section and focuses it', () => {
    document.body.innerHTML = `
      <div id="root">
        <details><summary>Pilihan 1</summary>
          <input data-path="choices[0].label" />
        </details>
        <div data-path="choices"><button>Tambah</button></div>
      </div>`;
    const root = document.getElementById('root') as HTMLElement;
    expect(findPathTarget(root, 'choices[0].label.extra')?.tagName).toBe('INPUT');
    expect(focusProblemField(root, 'scenes[3].choices[0].label')).toBe(true);
    expect(root.querySelector('details')?.open).toBe(true);
    expect(document.activeElement).toBe(root.querySelector('input'));
    // A marked container passes the focus to its first control.
    expect(focusProblemField(root, 'scenes[3].choices[4].targetSceneId')).toBe(true);
    expect(document.activeElement?.textContent).toBe('Tambah');
    expect(focusProblemField(root, 'scenes[3]')).toBe(false);
  });
});
