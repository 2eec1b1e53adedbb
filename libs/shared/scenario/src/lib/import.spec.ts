import { importScenario } from './import';
import { sampleScenario } from './testing/sample-scenario';

describe('scenario JSON import', () => {
  it('reads back an exported scenario unchanged', () => {
    const s = sampleScenario();
    const got = importScenario(JSON.stringify(s, null, 2));
    expect(got).toEqual({ ok: true, scenario: s });
  });

  it('gives the line and column of a syntax error', () => {
    const text = '{\n  "title": "x",\n  "scenes": [\n    { "id": "a", }\n  ]\n}';
    const got = importScenario(text);
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.errors[0]).toMatchObject({ line: 4, path: '' });
    expect(got.errors[0].message).toMatch(/^JSON tidak sah: /);
  });

  it('names the path and line of each part of the wrong shape', () => {
    const s = sampleScenario() as unknown as Record<string, unknown>;
    const scenes = s['scenes'] as Record<string, unknown>[];
    (scenes[2]['choices'] as Record<string, unknown>[])[0]['label'] = 7;
    (scenes[1]['choices'] as Record<string, unknown>[])[0]['warna'] = 'merah';
    delete scenes[3]['narrative'];
    (scenes[2]['choices'] as Record<string, unknown>[])[1]['condition'] = {
      variable: 'sabar',
      op: '>=',
      value: 1,
    };
    const text = JSON.stringify(s, null, 2);
    const got = importScenario(text);
    expect(got.ok).toBe(false);
    if (got.ok) return;
    const byPath = Object.fromEntries(got.errors.map((e) => [e.path, e]));
    expect(byPath['scenes[2].choices[0].label'].message).toBe('harus teks, bukan angka');
    expect(byPath['scenes[1].choices[0].warna'].message).toBe('"warna" tidak dikenal di sini');
    expect(byPath['scenes[3].narrative'].message).toBe('"narrative" wajib ada');
    expect(byPath['scenes[2].choices[1].condition.op'].message).toMatch(
      /^harus salah satu dari: lt, lte/,
    );
    // The line given is the line of the offending value in the file.
    const lines = text.split('\n');
    const label = byPath['scenes[2].choices[0].label'];
    expect(lines[label.line - 1]).toContain('"label": 7');
    expect(lines[label.line - 1].slice(label.column - 1)).toMatch(/^7/);
  });

  it('refuses a practice task that is neither a form nor a menu path', () => {
    const s = sampleScenario() as unknown as { scenes: { practice?: unknown }[] };
    s.scenes[0].practice = { kind: 'kuis' };
    const got = importScenario(JSON.stringify(s));
    expect(got.ok).toBe(false);
    if (!got.ok)
      expect(got.errors).toEqual([
        expect.objectContaining({
          path: 'scenes[0].practice',
          message: 'latihan harus objek dengan "kind": "form" atau "menu-path"',
        }),
      ]);
  });

  it('says so when the file is empty or not a scenario at all', () => {
    expect(importScenario('')).toMatchObject({ ok: false });
    const arr = importScenario('[]');
    expect(arr.ok === false && arr.errors[0].message).toBe('harus objek { }, bukan daftar [ ]');
  });
});
