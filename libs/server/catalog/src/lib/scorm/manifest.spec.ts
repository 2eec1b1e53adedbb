import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeManifest, parseManifest, withParameters } from './manifest';
import { ScormRefusal } from './scorm-refusal';
import { SCORM_FIXTURES } from './test-fixtures';

const manifest = (dir: string, kind = 'scorm12') =>
  readFileSync(join(SCORM_FIXTURES, 'manifests', kind, dir, 'imsmanifest.xml'), 'utf8');

const refusal = (xml: string): string => {
  try {
    parseManifest(xml);
  } catch (e) {
    if (e instanceof ScormRefusal) return e.message;
    throw e;
  }
  throw new Error('expected a refusal');
};

interface Expected {
  manifests: {
    file: string;
    title?: string | null;
    firstLaunchHref?: string | null;
    assertedByThirdPartyTests?: { expectError?: boolean; launchUrl?: string; title?: string };
  }[];
}
const expected = JSON.parse(
  readFileSync(join(SCORM_FIXTURES, 'expected.json'), 'utf8'),
) as Expected;

describe('parseManifest', () => {
  it('reads the Golf one-file-per-SCO manifest: title, launch href, the organisation tree', () => {
    const m = parseManifest(manifest('ContentPackagingOneFilePerSCO_SCORM12'));
    expect(m.title).toBe('Golf Explained - CP One File Per SCO');
    expect(m.scormVersion).toBe('1.2');
    expect(m.launchHref).toBe('Playing/Playing.html');
    expect(m.items).toHaveLength(4);
    expect(m.items[0]).toMatchObject({
      identifier: 'playing_item',
      title: 'Playing the Game',
      href: null,
    });
    expect(m.items[0].children.map((c) => c.href)).toContain(
      'shared/assessmenttemplate.html?questions=Playing',
    );
    const leaves = m.items.flatMap((i) => i.children);
    expect(leaves).toHaveLength(18);
  });

  it.each(
    expected.manifests
      .filter((e) => e.file.startsWith('manifests/scorm12/'))
      .filter((e) => !e.assertedByThirdPartyTests?.expectError && e.firstLaunchHref)
      .filter((e) => !e.file.includes('ItemWithNonExistentResourceId'))
      .map((e) => [e.file.split('/')[2], e] as const),
  )('accepts %s with the title and launch href of expected.json', (_dir, e) => {
    const m = parseManifest(readFileSync(join(SCORM_FIXTURES, e.file), 'utf8'));
    expect(m.title).toBe(e.assertedByThirdPartyTests?.title ?? e.title);
    expect(m.launchHref.split('?')[0]).toBe(
      e.assertedByThirdPartyTests?.launchUrl ?? e.firstLaunchHref,
    );
  });

  it('refuses malformed XML with its line', () => {
    expect(refusal(manifest('MalformedXml_SCORM12'))).toMatch(/bukan XML yang sah: baris \d+/);
  });

  it('refuses a resource without href (no launch file)', () => {
    expect(refusal(manifest('MissingLaunchUrl_SCORM12'))).toMatch(
      /resource "resource_1" yang tidak punya atribut href/,
    );
  });

  it('refuses an organisation without a title', () => {
    expect(refusal(manifest('MissingRequiredFields_SCORM12'))).toMatch(/tidak punya <title>/);
  });

  it('refuses an item that points at a resource that does not exist', () => {
    expect(refusal(manifest('ItemWithNonExistentResourceId_SCORM12'))).toMatch(
      /Item "item_1" merujuk resource "non_existent_resource" yang tidak ada/,
    );
  });

  it('lists the launch files, so missing ones can be refused against the zip', () => {
    const m = parseManifest(manifest('InvalidFileReferences_SCORM12'));
    expect(m.launchFiles).toEqual([{ item: 'item_1', href: 'content/nonexistent.html' }]);
  });

  it.each(readdirSync(join(SCORM_FIXTURES, 'manifests', 'scorm2004')).map((d) => [d] as const))(
    'refuses SCORM 2004 manifest %s naming the version',
    (dir) => {
      const message = refusal(manifest(dir, 'scorm2004'));
      expect(message).toMatch(/SCORM 2004.*belum didukung; unggah paket SCORM 1\.2/);
    },
  );

  it('names the 2004 edition', () => {
    expect(
      refusal(manifest('ContentPackagingMetadata_SCORM20043rdEdition', 'scorm2004')),
    ).toContain('SCORM 2004 (3rd Edition) belum didukung');
    expect(
      refusal(manifest('ContentPackagingSingleSCO_SCORM20042ndEdition', 'scorm2004')),
    ).toContain('SCORM 2004 (2nd Edition)');
  });

  it('refuses an unknown version and a manifest with no version hints', () => {
    const base = manifest('ContentPackagingSingleSCO_SCORM12');
    expect(
      refusal(
        base.replace('<schemaversion>1.2</schemaversion>', '<schemaversion>1.1</schemaversion>'),
      ),
    ).toMatch(/Versi SCORM "1.1".*tidak dikenal/);
    const bare = `<manifest identifier="x"><organizations><organization identifier="o"><title>T</title>
      <item identifier="i" identifierref="r"><title>I</title></item></organization></organizations>
      <resources><resource identifier="r" href="a.html"/></resources></manifest>`;
    expect(refusal(bare)).toMatch(/tidak dapat ditentukan/);
  });

  it('refuses no organisation, a default that points nowhere, and an external launch href', () => {
    const head = `<manifest xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"><metadata><schemaversion>1.2</schemaversion></metadata>`;
    expect(refusal(`${head}<organizations/><resources/></manifest>`)).toMatch(
      /tidak punya <organization>/,
    );
    expect(
      refusal(
        `${head}<organizations default="nope"><organization identifier="o"><title>T</title></organization></organizations><resources/></manifest>`,
      ),
    ).toMatch(/default="nope"/);
    expect(
      refusal(
        `${head}<organizations><organization identifier="o"><title>T</title><item identifier="i" identifierref="r"/></organization></organizations>
         <resources><resource identifier="r" href="https://contoh.id/a.html"/></resources></manifest>`,
      ),
    ).toMatch(/menunjuk ke luar paket/);
  });

  it('applies xml:base and item parameters', () => {
    const m = parseManifest(`<manifest xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
      <organizations><organization identifier="o"><title>T</title>
        <item identifier="i" identifierref="r" parameters="?lang=id"><title>I</title></item>
      </organization></organizations>
      <resources xml:base="content/"><resource identifier="r" xml:base="bab1" href="index.html?x=1"/></resources>
    </manifest>`);
    expect(m.launchHref).toBe('content/bab1/index.html?x=1&lang=id');
  });

  it('decodes UTF-8 with BOM and UTF-16', () => {
    const xml = '<manifest>é</manifest>';
    expect(decodeManifest(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]))).toBe(
      xml,
    );
    expect(
      decodeManifest(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])),
    ).toBe(xml);
  });
});

describe('withParameters', () => {
  it.each([
    ['a.html', '?x=1', 'a.html?x=1'],
    ['a.html?y=2', '?x=1', 'a.html?y=2&x=1'],
    ['a.html', 'x=1', 'a.html?x=1'],
    ['a.html', '#bab2', 'a.html#bab2'],
    ['a.html#top', '&x=1', 'a.html?x=1#top'],
    ['a.html', undefined, 'a.html'],
  ])('%s + %s → %s', (href, params, out) => {
    expect(withParameters(href, params)).toBe(out);
  });
});
