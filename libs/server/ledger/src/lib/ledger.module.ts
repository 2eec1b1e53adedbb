import { Module } from '@nestjs/common';
import { ClaimsController } from './claims/claims.controller';
import { ClaimsService } from './claims/claims.service';
import { EntriesController } from './entries/entries.controller';
import { EntriesService } from './entries/entries.service';
import { EvidenceService } from './evidence/evidence.service';
import { SiasnExportService } from './export/siasn-export.service';
import { LearningHoursController } from './learning-hours/learning-hours.controller';
import { LearningHoursService } from './learning-hours/learning-hours.service';
import { TargetsController } from './targets/targets.controller';
import { TargetsService } from './targets/targets.service';

/** The learning-hours ledger: entries, external-training claims, targets, SIASN export. */
@Module({
  controllers: [LearningHoursController, ClaimsController, EntriesController, TargetsController],
  providers: [
    LearningHoursService,
    SiasnExportService,
    ClaimsService,
    EvidenceService,
    EntriesService,
    TargetsService,
  ],
})
export class LedgerModule {}
