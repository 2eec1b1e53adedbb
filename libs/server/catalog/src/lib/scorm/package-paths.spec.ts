import { assertSafeKey } from '@siantar/server-core';
import {
  checkEntryPath,
  contentKey,
  encodeHref,
  isSymlinkEntry,
  normaliseRequestPath,
} from './package-paths';
import { ScormRefusal } from './scorm-refusal';

describe('checkEntryPath (zip-slip and friends)', () => {
  it.each([
    ['index.html', 'index.html'],
    ['shared/style.css', 'shared/style.css'],
    ['./a//b.html', 'a/b.html'],
    ['Etiquette/', 'Etiquette/'],
  ])('keeps %s as %s', (name, out) => {
    expect(checkEntryPath(name)).toBe(out);
  });

  it.each([
    ['../evil.html', /keluar dari folder paket/],
    ['a/../../evil.html', /keluar dari folder paket/],
    ['a/..', /keluar dari folder paket/],
    ['/etc/passwd', /jalur absolut/],
    ['C:/Windows/evil.html', /jalur absolut/],
    ['a\\..\\evil.html', /garis miring terbalik/],
    ['a\u0000.html', /karakter kontrol/],
    ['', /tidak bernama/],
    ['./', /tidak menunjuk ke berkas/],
  ])('refuses %j', (name, why) => {
    expect(() => checkEntryPath(name)).toThrow(ScormRefusal);
    expect(() => checkEntryPath(name)).toThrow(why);
  });
});

describe('isSymlinkEntry', () => {
  it('reads the Unix file type from the high 16 bits', () => {
    expect(isSymlinkEntry((0o120777 << 16) >>> 0)).toBe(true);
    expect(isSymlinkEntry((0o100644 << 16) >>> 0)).toBe(false);
    expect(isSymlinkEntry((0o040755 << 16) >>> 0)).toBe(false);
    expect(isSymlinkEntry(0x10)).toBe(false); // MS-DOS directory attribute only
  });
});

describe('normaliseRequestPath', () => {
  it('joins segments and refuses dot-dot, backslashes and empties', () => {
    expect(normaliseRequestPath(['Playing', 'Playing.html'])).toBe('Playing/Playing.html');
    expect(normaliseRequestPath(['a', '.', 'b.js'])).toBe('a/b.js');
    expect(normaliseRequestPath(['a/../b'])).toBeNull();
    expect(normaliseRequestPath(['..', 'x'])).toBeNull();
    expect(normaliseRequestPath(['a\\b'])).toBeNull();
    expect(normaliseRequestPath([])).toBeNull();
  });
});

describe('contentKey and encodeHref', () => {
  it('turns any package path into a safe storage key, one-to-one', () => {
    const keys = ['index.html', 'materi bab 1/ü[1].html', 'a%20b.html', 'x*y?.js', '.hidden'].map(
      (p) => contentKey('scorm/p', p),
    );
    for (const k of keys) expect(() => assertSafeKey(k)).not.toThrow();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe('scorm/p/index.html');
  });

  it('percent-encodes path segments but keeps the query', () => {
    expect(encodeHref('materi bab/índex.html?questions=Playing')).toBe(
      'materi%20bab/%C3%ADndex.html?questions=Playing',
    );
  });
});
