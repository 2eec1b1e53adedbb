import {
  DEFAULT_CERTIFICATE_NUMBER_FORMAT,
  type CertificateTemplateFields,
} from '@siantar/contracts';
import { pathIdsSelfFirst, resolveTemplate } from './template-resolution';

const city = { id: 'city', code: 'PEMKO', name: 'Pemerintah Kota Pematangsiantar' };
const bkpsdm = { id: 'bkpsdm', code: 'BKPSDM', name: 'BKPSDM' };
const bidang = { id: 'bidang', code: 'BKPSDM-PK', name: 'Bidang Pengembangan Kompetensi' };

const fields = (title: string): CertificateTemplateFields => ({
  title,
  introText: 'Diberikan kepada:',
  issuerName: title,
  place: 'Pematangsiantar',
  numberFormat: DEFAULT_CERTIFICATE_NUMBER_FORMAT,
  signatoryName: 'Nama',
  signatoryNip: null,
  signatoryPosition: 'Kepala',
  logoFileId: null,
  signatureFileId: null,
});

describe('template fallback: own → nearest ancestor → built-in default', () => {
  const chain = [bidang, bkpsdm, city];

  it("uses the unit's own template, and the unit issues", () => {
    const r = resolveTemplate(
      chain,
      new Map([
        ['bidang', fields('Bidang')],
        ['bkpsdm', fields('Badan')],
      ]),
    );
    expect(r.source).toBe('own');
    expect(r.issuer).toBe(bidang);
    expect(r.fields.title).toBe('Bidang');
  });

  it("falls back to the nearest ancestor's, which then issues (its register, its code)", () => {
    const r = resolveTemplate(
      chain,
      new Map([
        ['bkpsdm', fields('Badan')],
        ['city', fields('Kota')],
      ]),
    );
    expect(r.source).toBe('inherited');
    expect(r.templateUnit).toBe(bkpsdm);
    expect(r.issuer).toBe(bkpsdm);
    expect(r.fields.title).toBe('Badan');
  });

  it('falls back to the default, issued by the unit itself under its own name', () => {
    const r = resolveTemplate(chain, new Map());
    expect(r.source).toBe('default');
    expect(r.templateUnit).toBeNull();
    expect(r.issuer).toBe(bidang);
    expect(r.fields.issuerName).toBe('Bidang Pengembangan Kompetensi');
    expect(r.fields.numberFormat).toBe('{seq:4}/SKP/{issuer}/{year}');
    expect(r.fields.signatoryName).toBe('');
  });

  it('ignores templates of units not on the path', () => {
    expect(resolveTemplate([bidang, city], new Map([['bkpsdm', fields('Badan')]])).source).toBe(
      'default',
    );
  });

  it('reads the chain from a materialised path, self first', () => {
    expect(pathIdsSelfFirst('/city/bkpsdm/bidang/')).toEqual(['bidang', 'bkpsdm', 'city']);
  });
});
