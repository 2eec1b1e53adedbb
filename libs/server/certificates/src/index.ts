export * from './lib/certificates.module';
export * from './lib/certificates-jobs.module';
// Where an electronic-signature (BSrE) service plugs in: see certificate-signer.ts.
export {
  CertificateSigner,
  type SigningRequest,
  type SigningResult,
} from './lib/rendering/certificate-signer';
