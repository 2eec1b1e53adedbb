import { csvLine } from '@siantar/server-core';

describe('csvLine', () => {
  it('quotes only when needed and neutralises formulas in text', () => {
    expect(csvLine(['a,b', 'say "hi"', null, 19.5, '=SUM(A1)', -3])).toBe(
      '"a,b","say ""hi""",,19.5,\'=SUM(A1),-3\r\n',
    );
  });
});
