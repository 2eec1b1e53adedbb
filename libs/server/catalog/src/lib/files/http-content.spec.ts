import { contentDisposition, parseRange } from './http-content';
import { detectType } from './magic-bytes';

describe('parseRange', () => {
  it.each([
    [undefined, 100, null],
    ['bytes=0-9', 100, { start: 0, end: 9 }],
    ['bytes=90-', 100, { start: 90, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=-1000', 100, { start: 0, end: 99 }],
    ['bytes=50-1000', 100, { start: 50, end: 99 }],
    ['bytes=0-1,5-6', 100, null],
    ['items=0-1', 100, null],
    ['bytes=100-', 100, 'unsatisfiable'],
    ['bytes=9-3', 100, 'unsatisfiable'],
    ['bytes=abc', 100, 'unsatisfiable'],
    ['bytes=-0', 100, 'unsatisfiable'],
    ['bytes=0-0', 0, 'unsatisfiable'],
  ])('%s of %d bytes → %j', (header, size, out) => {
    expect(parseRange(header, size)).toEqual(out);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact name (RFC 5987)', () => {
    expect(contentDisposition('attachment', 'Modul Pelayanan "Prima" ñ.pdf')).toBe(
      `attachment; filename="Modul Pelayanan _Prima_ n.pdf"; filename*=UTF-8''Modul%20Pelayanan%20%22Prima%22%20%C3%B1.pdf`,
    );
  });
});

describe('detectType', () => {
  const b = (...x: (number | string)[]) =>
    Buffer.concat(
      x.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))),
    );
  it.each([
    [b(0x89, 'PNG\r\n', 0x1a, '\n'), 'image/png'],
    [b(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    [b('RIFF', 0, 0, 0, 0, 'WEBPVP8 '), 'image/webp'],
    [b(0, 0, 0, 0x20, 'ftypisom'), 'video/mp4'],
    [b(0, 0, 0, 0x20, 'ftypqt  '), 'video/quicktime'],
    [b(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84, 'webm'), 'video/webm'],
    [b('%PDF-1.7'), 'application/pdf'],
    [b('PK', 3, 4), 'application/zip'],
  ])('%j → %s', (head, mime) => {
    expect(detectType(head)?.mime).toBe(mime);
  });
  it('does not recognise plain text', () => {
    expect(detectType(Buffer.from('hello'))).toBeNull();
  });
});
