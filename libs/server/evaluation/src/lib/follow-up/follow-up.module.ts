import { Module } from '@nestjs/common';
import { FilesModule } from '@siantar/server-catalog';
import { NotificationPlanner } from '@siantar/server-notify';
import { ActionPlanController } from './action-plan/action-plan.controller';
import { ActionPlanService } from './action-plan/action-plan.service';
import { FollowUpFiguresService } from './figures/follow-up-figures.service';
import { FollowUpsController } from './follow-ups/follow-ups.controller';
import { FollowUpsService } from './follow-ups/follow-ups.service';
import { FollowUpNotices } from './schedule/follow-up-notices';
import { FollowUpOnCompletion } from './schedule/follow-up-on-completion';
import { FollowUpSchedule } from './schedule/follow-up-schedule';
import { FollowUpSettingsController } from './settings/follow-up-settings.controller';
import { FollowUpSettingsService } from './settings/follow-up-settings.service';

/**
 * The api side of Level 3 (Evaluasi Pasca Pelatihan): action plans, per-course follow-up
 * days, follow-up reports and confirmations, L3 figures. Exports FollowUpFiguresService
 * (the programme page) and FollowUpSchedule (re-plan after a course end changes).
 */
@Module({
  imports: [FilesModule],
  controllers: [ActionPlanController, FollowUpsController, FollowUpSettingsController],
  providers: [
    ActionPlanService,
    FollowUpFiguresService,
    FollowUpNotices,
    FollowUpOnCompletion,
    FollowUpSchedule,
    FollowUpSettingsService,
    FollowUpsService,
    NotificationPlanner,
  ],
  exports: [FollowUpFiguresService, FollowUpSchedule],
})
export class FollowUpModule {}
