import { attachmentName } from './save-download';

describe('attachmentName', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(
      attachmentName(
        `attachment; filename="sesi.ics"; filename*=UTF-8''Webinar%20Pelayanan.ics`,
        'x.ics',
      ),
    ).toBe('Webinar Pelayanan.ics');
    expect(attachmentName('attachment; filename="kehadiran.csv"', 'x.csv')).toBe('kehadiran.csv');
    expect(attachmentName(null, 'x.csv')).toBe('x.csv');
    expect(attachmentName('attachment', 'x.csv')).toBe('x.csv');
  });
});
