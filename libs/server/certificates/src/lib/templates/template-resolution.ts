import {
  type CertificateTemplateFields,
  type CertificateTemplateSource,
  DEFAULT_CERTIFICATE_NUMBER_FORMAT,
} from '@siantar/contracts';

export interface UnitOnPath {
  id: string;
  code: string;
  name: string;
}

export interface ResolvedTemplate {
  source: CertificateTemplateSource;
  /** The unit whose template applies; null for the built-in default. */
  templateUnit: UnitOnPath | null;
  /**
   * Who issues: the template's unit, or (default template) the unit itself. Its register
   * (counter per year) numbers the certificate and its code fills `{issuer}`.
   */
  issuer: UnitOnPath;
  fields: CertificateTemplateFields;
}

/** What a unit gets when neither it nor any ancestor has a template. */
export function defaultTemplate(unit: UnitOnPath): CertificateTemplateFields {
  return {
    title: 'SURAT KETERANGAN PELATIHAN',
    introText: 'Diberikan kepada:',
    issuerName: unit.name,
    place: 'Pematangsiantar',
    numberFormat: DEFAULT_CERTIFICATE_NUMBER_FORMAT,
    // No one has been named to sign: the PDF leaves the name line empty.
    signatoryName: '',
    signatoryNip: null,
    signatoryPosition: `Pimpinan ${unit.name}`,
    logoFileId: null,
    signatureFileId: null,
  };
}

/**
 * The template of a unit: its own, else the nearest ancestor's, else the built-in default.
 * `chain` is the unit first, then its ancestors up to the root (from the materialised path).
 */
export function resolveTemplate(
  chain: UnitOnPath[],
  templates: ReadonlyMap<string, CertificateTemplateFields>,
): ResolvedTemplate {
  if (chain.length === 0) throw new Error('an org unit chain needs at least the unit itself');
  for (const [i, unit] of chain.entries()) {
    const fields = templates.get(unit.id);
    if (fields)
      return { source: i === 0 ? 'own' : 'inherited', templateUnit: unit, issuer: unit, fields };
  }
  return {
    source: 'default',
    templateUnit: null,
    issuer: chain[0],
    fields: defaultTemplate(chain[0]),
  };
}

/** The ids of a materialised path (`/root/opd/self/`), self first: the order resolveTemplate takes. */
export const pathIdsSelfFirst = (path: string): string[] =>
  path.split('/').filter(Boolean).reverse();
