import { Module } from '@nestjs/common';

/** The learning-hours ledger: entries, external-training claims, targets, SIASN export. */
@Module({})
export class LedgerModule {}
