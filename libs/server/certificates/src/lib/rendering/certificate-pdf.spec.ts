import { PNG } from 'pngjs';
import { pdfQrCodes, pdfText } from '../testing/pdf-readback';
import { sampleSnapshot } from '../testing/sample-snapshot';
import { renderCertificatePdf } from './certificate-pdf';

/** A small opaque PNG (a grey square), standing in for a logo or a signature scan. */
function squarePng(size = 40): Buffer {
  const png = new PNG({ width: size, height: size });
  png.data.fill(128);
  return PNG.sync.write(png);
}

describe('the certificate PDF, read back with poppler and jsQR', () => {
  it('states the learner, programme, JP and number, and its QR code is exactly the verification URL', async () => {
    const s = sampleSnapshot();
    const pdf = await renderCertificatePdf(s, { logo: squarePng(), signature: squarePng() });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const expected of [
      'SURAT KETERANGAN PELATIHAN',
      'Nomor: 0007/SKP/BKPSDM/2026',
      'Rahmawati Siregar',
      '199205152015032005',
      'Penata Muda Tingkat I (III/b)',
      'Analis Kebijakan Ahli Pertama',
      'Pelayanan Publik Digital: Aplikasi Antrean Daring',
      '12 JP',
      '2 Februari 2026 s.d. 13 Maret 2026',
      'Pematangsiantar, 14 Maret 2026',
      'Drs. Hotman Sinaga, M.Si.',
      'NIP 197003121995031002',
      'Kepala BKPSDM Kota Pematangsiantar',
    ])
      expect(text).toContain(expected);
    expect(await pdfQrCodes(pdf)).toEqual([s.verificationUrl]);
  });

  it('renders the same bytes from the same snapshot', async () => {
    const s = sampleSnapshot();
    expect((await renderCertificatePdf(s)).equals(await renderCertificatePdf(s))).toBe(true);
  });

  it('leaves out an unreadable image, prints "-" without NIP or rank, and a webinar reads as one', async () => {
    const s = sampleSnapshot({
      learner: {
        ...sampleSnapshot().learner,
        nip: null,
        rank: null,
        rankLabel: null,
        employmentType: 'NON_ASN',
      },
      programme: {
        ...sampleSnapshot().programme,
        kind: 'webinar',
        jp: 2.5,
        startDate: '2026-03-13',
        endDate: '2026-03-13',
      },
      template: { ...sampleSnapshot().template, signatoryName: '', signatoryNip: null },
    });
    const pdf = await renderCertificatePdf(s, { logo: Buffer.from('not an image') });
    const text = await pdfText(pdf);
    expect(text).toContain('webinar');
    expect(text).toContain('2,5 JP');
    expect(text).toMatch(/NIP\s+:\s+-/);
    expect(text).not.toContain('NIP 1970');
    expect(await pdfQrCodes(pdf)).toEqual([s.verificationUrl]);
  });
});
