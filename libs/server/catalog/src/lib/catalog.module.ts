import { NotificationPlanner } from '@siantar/server-notify';
import { EnrolmentNotices } from './enrolment/enrolment-notices';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthoringController } from './authoring/authoring.controller';
import { AuthoringService } from './authoring/authoring.service';
import { ReviewService } from './authoring/review.service';
import { CatalogueService } from './catalogue/catalogue.service';
import { CompletionController } from './completion/completion.controller';
import { CompletionService } from './completion/completion.service';
import { CompletionSignals } from './completion/completion-signals';
import { CompletionListeners } from './completion/completion-listeners';
import { EnrolmentCompletion } from './completion/enrolment-completion.service';
import { CATALOG_ENTITIES } from './courses/course.entities';
import { EnrolmentController } from './enrolment/enrolment.controller';
import { EnrolmentRules } from './enrolment/enrolment-rules';
import { EnrolmentService } from './enrolment/enrolment.service';
import { FilesModule } from './files/files.module';
import { LearnerCourseService } from './player/learner-course.service';
import { LearningController } from './player/learning.controller';
import { PlayerService } from './player/player.service';
import { ScormRuntimeService } from './player/scorm-runtime.service';
import { ProgressService } from './progress/progress.service';
import { ScormModule } from './scorm/scorm.module';

/** Courses: authoring and review, the catalogue, enrolment, the player and progress. */
@Module({
  imports: [DiscoveryModule, TypeOrmModule.forFeature(CATALOG_ENTITIES), FilesModule, ScormModule],
  controllers: [AuthoringController, EnrolmentController, LearningController, CompletionController],
  providers: [
    AuthoringService,
    ReviewService,
    CatalogueService,
    CompletionService,
    CompletionSignals,
    CompletionListeners,
    EnrolmentCompletion,
    EnrolmentNotices,
    EnrolmentRules,
    NotificationPlanner,
    EnrolmentService,
    LearnerCourseService,
    PlayerService,
    ProgressService,
    ScormRuntimeService,
  ],
  exports: [EnrolmentService],
})
export class CatalogModule {}
