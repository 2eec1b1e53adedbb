import { Module } from '@nestjs/common';

/** The api side of the certificates domain (issue 9). */
@Module({})
export class CertificatesModule {}
