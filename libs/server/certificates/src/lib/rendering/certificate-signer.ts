import { Injectable } from '@nestjs/common';

export interface SigningRequest {
  certificateId: string;
  registerNumber: string;
  /** The signatory named on the certificate (whose BSrE certificate would sign). */
  signatoryName: string;
  signatoryNip: string | null;
  /** Which issue of the certificate this is (0 = first issue). */
  revision: number;
}

export interface SigningResult {
  /** The document to store: the input unchanged, or the signed PDF. */
  pdf: Buffer;
  /** What to record about the signature (kept in certificate.signature); null = not signed. */
  signature: {
    provider: string;
    signedAt: string;
    /** e.g. the signing service's transaction id or the signer certificate's serial. */
    reference: string | null;
  } | null;
}

/**
 * Where an electronic signature plugs in. Government documents are signed with BSrE
 * (Balai Sertifikasi Elektronik, BSSN) certificates through a signing service that the
 * city contracts (e.g. a TTE gateway taking the PDF, the signatory's NIK/NIP and a
 * passphrase or a pre-authorised session, and returning a PAdES-signed PDF). Provide
 * another implementation of this class in CertificatesJobsModule to sign every rendered
 * certificate; a failure thrown here fails the render job, which BullMQ retries with
 * backoff, and the certificate stays "PDF not ready" meanwhile.
 */
export abstract class CertificateSigner {
  abstract sign(pdf: Buffer, request: SigningRequest): Promise<SigningResult>;
}

/** The default: no electronic signature (the printed signature image only). */
@Injectable()
export class UnsignedCertificateSigner extends CertificateSigner {
  async sign(pdf: Buffer): Promise<SigningResult> {
    return { pdf, signature: null };
  }
}

/** The signer every process uses; a BSrE integration replaces `useClass` here. */
export const CERTIFICATE_SIGNER_PROVIDER = {
  provide: CertificateSigner,
  useClass: UnsignedCertificateSigner,
};
