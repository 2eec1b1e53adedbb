import { Module } from '@nestjs/common';
import { CompletionSignals, FilesModule } from '@siantar/server-catalog';
import { AnalyticsController } from './analytics/analytics.controller';
import { AnalyticsService } from './analytics/analytics.service';
import { RunsController } from './runs/runs.controller';
import { RunsService } from './runs/runs.service';

/** Scenario simulations: learners' runs (played by the shared engine) and the authors' analytics. */
@Module({
  imports: [FilesModule],
  controllers: [RunsController, AnalyticsController],
  providers: [RunsService, AnalyticsService, CompletionSignals],
})
export class SimulationModule {}
