import { HttpHeaders } from '@angular/common/http';
import { certificateFileName, dispositionFileName } from './download';

describe('certificate file names', () => {
  it('makes the register number safe as a file name', () => {
    expect(certificateFileName({ registerNumber: '0001/SKP/BKPSDM/2026' })).toBe(
      'sertifikat-0001-SKP-BKPSDM-2026.pdf',
    );
    expect(certificateFileName({ registerNumber: '12/IV/ 2026' })).toBe(
      'sertifikat-12-IV-2026.pdf',
    );
    expect(certificateFileName({ registerNumber: '///' })).toBe('sertifikat-dokumen.pdf');
  });

  it('takes the server’s name from Content-Disposition, the UTF-8 one first', () => {
    const h = (v: string): HttpHeaders => new HttpHeaders({ 'Content-Disposition': v });
    expect(dispositionFileName(h('attachment; filename="a b.pdf"'))).toBe('a b.pdf');
    expect(dispositionFileName(h('attachment; filename=plain.pdf'))).toBe('plain.pdf');
    expect(
      dispositionFileName(
        h(`attachment; filename="x.pdf"; filename*=UTF-8''sertifikat%20R%C3%A9.pdf`),
      ),
    ).toBe('sertifikat Ré.pdf');
    expect(dispositionFileName(new HttpHeaders())).toBeNull();
    expect(dispositionFileName(null)).toBeNull();
  });
});
