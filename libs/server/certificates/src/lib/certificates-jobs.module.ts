import { Module } from '@nestjs/common';

/** The worker side of the certificates domain (issue 9). */
@Module({})
export class CertificatesJobsModule {}
