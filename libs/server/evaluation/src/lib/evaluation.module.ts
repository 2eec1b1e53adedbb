import { Module } from '@nestjs/common';
import { FollowUpModule } from './follow-up/follow-up.module';
import { CompletionSignals } from '@siantar/server-catalog';
import { LearningGainController } from './learning-gain/learning-gain.controller';
import { LearningGainService } from './learning-gain/learning-gain.service';
import { ProgrammeController } from './programme/programme.controller';
import { ProgrammeService } from './programme/programme.service';
import { IndicatorsController } from './results-indicators/indicators.controller';
import { IndicatorsService } from './results-indicators/indicators.service';
import { SurveyResponsesService } from './surveys/survey-responses.service';
import { SurveyResultsService } from './surveys/survey-results.service';
import { SurveySettingsService } from './surveys/survey-settings.service';
import {
  SurveyResponsesController,
  SurveyResultsController,
  SurveySettingsController,
  SurveyTemplatesController,
} from './surveys/surveys.controller';
import { TemplatesService } from './surveys/templates.service';

/**
 * The api side of the evaluation domain (issue 9): feedback surveys (L1), the pre/post-test
 * gain (L2), unit indicators (L4) and the programme evaluation page with its printable report.
 */
@Module({
  imports: [FollowUpModule],
  controllers: [
    SurveyTemplatesController,
    SurveySettingsController,
    SurveyResponsesController,
    SurveyResultsController,
    LearningGainController,
    IndicatorsController,
    ProgrammeController,
  ],
  providers: [
    CompletionSignals,
    TemplatesService,
    SurveySettingsService,
    SurveyResponsesService,
    SurveyResultsService,
    LearningGainService,
    IndicatorsService,
    ProgrammeService,
  ],
})
export class EvaluationModule {}
