import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes CRLF after every record and leaves plain cells unquoted', () => {
    expect(
      toCsv(
        ['Nama', 'Nilai'],
        [
          ['Budi', 80],
          ['Sari', 92.5],
        ],
      ),
    ).toBe('Nama,Nilai\r\nBudi,80\r\nSari,92.5\r\n');
  });

  it('quotes cells with commas, quotes, CR or LF and doubles inner quotes', () => {
    expect(
      toCsv(['a'], [['Jl. Merdeka, No. 1'], ['kata "bagus"'], ['baris\nbaru'], ['cr\rx']]),
    ).toBe('a\r\n"Jl. Merdeka, No. 1"\r\n"kata ""bagus"""\r\n"baris\nbaru"\r\n"cr\rx"\r\n');
  });

  it('writes null and non-finite numbers as empty cells', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, Number.NaN, 0]])).toBe('a,b,c\r\n,,0\r\n');
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+62812', "'+62812"],
    ['-1+2', "'-1+2"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['aman = ya', 'aman = ya'],
  ])('guards formula-looking text %j', (cell, out) => {
    expect(toCsv(['h'], [[cell]])).toBe(`h\r\n${out}\r\n`);
  });

  it('guards CR-led text and still quotes it', () => {
    expect(toCsv(['h'], [['\r=1']])).toBe(`h\r\n"'\r=1"\r\n`);
  });

  it('does not touch negative numbers, and guards header cells too', () => {
    expect(toCsv(['=x'], [[-5]])).toBe("'=x\r\n-5\r\n");
  });

  it('quotes a guarded cell that also holds the delimiter', () => {
    expect(toCsv(['h'], [['=1,2']])).toBe(`h\r\n"'=1,2"\r\n`);
  });

  it('adds a UTF-8 BOM for Excel on request', () => {
    const csv = toCsv(['Nama'], [['Ñoño']], { bom: true });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(toCsv(['a'], [])).toBe('a\r\n');
  });

  it('can use ; for Excel in Indonesian locale', () => {
    expect(toCsv(['a', 'b'], [['x;y', 'z,w']], { delimiter: ';' })).toBe('a;b\r\n"x;y";z,w\r\n');
  });
});
