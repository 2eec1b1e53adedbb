import { Module } from '@nestjs/common';
import { FilesModule } from '@siantar/server-catalog';
import { CertificatesController } from './certificates/certificates.controller';
import { CertificatesService } from './certificates/certificates.service';
import { CertificateExportsController } from './exports/certificate-exports.controller';
import { CertificateExportsService } from './exports/certificate-exports.service';
import { CertificateIssuer } from './issuing/certificate-issuer';
import { CertificateRenderer } from './rendering/certificate-renderer';
import { CERTIFICATE_SIGNER_PROVIDER } from './rendering/certificate-signer';
import { TemplateStore } from './templates/template-store';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesService } from './templates/templates.service';
import { VerificationController } from './verification/verification.controller';
import { VerificationService } from './verification/verification.service';

/**
 * The api side of the certificates domain (issue 9): the learner's and admins' certificate
 * routes, templates per issuing unit, zip exports, and the public verification route.
 */
@Module({
  imports: [FilesModule],
  controllers: [
    CertificatesController,
    TemplatesController,
    CertificateExportsController,
    VerificationController,
  ],
  providers: [
    TemplateStore,
    CertificateIssuer,
    CertificateRenderer,
    CERTIFICATE_SIGNER_PROVIDER,
    CertificatesService,
    TemplatesService,
    CertificateExportsService,
    VerificationService,
  ],
})
export class CertificatesModule {}
