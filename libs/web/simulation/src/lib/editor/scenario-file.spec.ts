import { counterScenario } from './editor.fixtures';
import { readScenarioImport, scenarioFileName, scenarioJson } from './scenario-file';

describe('scenario file', () => {
  it('names the export after the scenario’s title', () => {
    expect(scenarioFileName('Loket Disdukcapil')).toBe('Loket Disdukcapil.json');
    expect(scenarioFileName('A/B: "uji"?')).toBe('A B uji.json');
    expect(scenarioFileName('   ')).toBe('skenario.json');
    expect(scenarioFileName('..rahasia')).toBe('rahasia.json');
  });

  it('exports pretty JSON that imports back to the same scenario', () => {
    const s = counterScenario();
    const text = scenarioJson(s);
    expect(text).toContain('\n  "title": "Loket Disdukcapil",');
    const back = readScenarioImport(text);
    expect(back).toEqual({ ok: true, scenario: s, scenes: 6, problems: 0 });
  });

  it('shows a syntax error at its line and column, with the line and a caret', () => {
    const text = '{\n  "title": "x",\n  "scenes": [ , ]\n}';
    const r = readScenarioImport(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line: 3, column: 15, path: '' });
    expect(r.errors[0].message).toMatch(/^JSON tidak sah/);
    expect(r.errors[0].excerpt).toBe('  "scenes": [ , ]');
    expect(r.errors[0].caret).toBe(14);
    expect(r.errors[0].excerpt[r.errors[0].caret]).toBe(',');
  });

  it('shows each wrong part with its path', () => {
    const s = counterScenario();
    const text = scenarioJson(s).replace('"title": "Warga datang"', '"title": 7');
    const r = readScenarioImport(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      expect.objectContaining({ path: 'scenes[0].title', message: 'harus teks, bukan angka' }),
    ]);
    const line = text.split('\n')[r.errors[0].line - 1];
    expect(line).toContain('"title": 7');
    expect(r.errors[0].excerpt.slice(r.errors[0].caret)).toBe('7,');
  });

  it('counts the problems an imported scenario still has', () => {
    const s = counterScenario();
    s.scenes[1].choices[0].targetSceneId = null;
    const r = readScenarioImport(scenarioJson(s));
    expect(r).toMatchObject({ ok: true, scenes: 6 });
    expect(r.ok && r.problems).toBeGreaterThan(0);
  });

  it('keeps a long line’s excerpt around the column', () => {
    const text = `{"title": "${'x'.repeat(300)}", "oops": }`;
    const r = readScenarioImport(text);
    if (r.ok) throw new Error('should fail');
    const e = r.errors[0];
    expect(e.excerpt.length).toBeLessThanOrEqual(160);
    expect(e.excerpt[e.caret]).toBe('}');
  });
});
