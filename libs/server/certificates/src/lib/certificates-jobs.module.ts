import { Module } from '@nestjs/common';
import { FilesModule } from '@siantar/server-catalog';
import { CertificateExportHandler } from './exports/certificate-export.job';
import { CertificateIssuer } from './issuing/certificate-issuer';
import { IssueCertificateHandler } from './issuing/issue-certificate.job';
import { IssueWebinarCertificateHandler } from './issuing/issue-webinar-certificate.job';
import { CertificateRenderer } from './rendering/certificate-renderer';
import { CERTIFICATE_SIGNER_PROVIDER } from './rendering/certificate-signer';
import { RenderCertificateHandler } from './rendering/render-certificate.job';
import { TemplateStore } from './templates/template-store';

/** The worker side of the certificates domain: issuing, rendering (and signing), zip exports. */
@Module({
  imports: [FilesModule],
  providers: [
    TemplateStore,
    CertificateIssuer,
    CertificateRenderer,
    CERTIFICATE_SIGNER_PROVIDER,
    IssueCertificateHandler,
    IssueWebinarCertificateHandler,
    RenderCertificateHandler,
    CertificateExportHandler,
  ],
})
export class CertificatesJobsModule {}
