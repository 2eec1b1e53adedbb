import { Module } from '@nestjs/common';
import { FollowUpFiguresService } from './follow-up/figures/follow-up-figures.service';
import { FollowUpModule } from './follow-up/follow-up.module';
import { CompletionSignals } from '@siantar/server-catalog';
import { LearningGainController } from './learning-gain/learning-gain.controller';
import { LearningGainService } from './learning-gain/learning-gain.service';
import { ProgrammeController } from './programme/programme.controller';
import {
  PROGRAMME_FOLLOW_UP,
  type ProgrammeFollowUpSource,
  ProgrammeService,
} from './programme/programme.service';
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
    // Level 3 on the programme page: the follow-up part's figures of the course.
    {
      provide: PROGRAMME_FOLLOW_UP,
      inject: [FollowUpFiguresService],
      useFactory: (figures: FollowUpFiguresService): ProgrammeFollowUpSource => ({
        forCourse: (em, courseId) => figures.forCourse(courseId, em),
      }),
    },
  ],
})
export class EvaluationModule {}
