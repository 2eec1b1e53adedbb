import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  FollowUpConfirmRequest,
  FollowUpListQuery,
  FollowUpMineQuery,
  FollowUpReportRequest,
  type FollowUpView,
  type Page,
  type StoredFileResponse,
} from '@siantar/contracts';
import { Authenticated, CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { EvidenceUploadInterceptor } from './follow-up-evidence';
import { FollowUpsService } from './follow-ups.service';

const uuid = uuidParam();

/**
 * Post-training follow-ups (EPP, L3). The alumnus reports (with evidence), the direct
 * supervisor asked confirms; admins list those in their reach. docs/api/evaluation.md.
 */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Authenticated()
  @Get('my/follow-ups')
  mine(@Query() q: FollowUpMineQuery, @CurrentUser() p: Principal): Promise<Page<FollowUpView>> {
    return this.followUps.mine(p, q);
  }

  /**
   * Not under /team: the reporting domain's GET /team/:userId is registered first and would
   * take "follow-ups" for a user id. Declared before GET follow-ups/:id for the same reason.
   */
  @Roles('supervisor')
  @Get('follow-ups/team')
  team(@Query() q: FollowUpMineQuery, @CurrentUser() p: Principal): Promise<Page<FollowUpView>> {
    return this.followUps.team(p, q);
  }

  @Roles('admin')
  @Get('follow-ups')
  list(@Query() q: FollowUpListQuery, @CurrentUser() p: Principal): Promise<Page<FollowUpView>> {
    return this.followUps.list(p, q);
  }

  @Authenticated()
  @Get('follow-ups/:id')
  one(@Param('id', uuid) id: string, @CurrentUser() p: Principal): Promise<FollowUpView> {
    return this.followUps.one(id, p);
  }

  @Authenticated()
  @Post('follow-ups/:id/evidence')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(EvidenceUploadInterceptor)
  evidence(
    @Param('id', uuid) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentUser() p: Principal,
  ): Promise<StoredFileResponse> {
    return this.followUps.uploadEvidence(id, file, p);
  }

  @Authenticated()
  @Post('follow-ups/:id/report')
  @HttpCode(200)
  report(
    @Param('id', uuid) id: string,
    @Body() dto: FollowUpReportRequest,
    @CurrentUser() p: Principal,
  ): Promise<FollowUpView> {
    return this.followUps.report(id, dto, p);
  }

  @Roles('supervisor')
  @Post('follow-ups/:id/confirm')
  @HttpCode(200)
  confirm(
    @Param('id', uuid) id: string,
    @Body() dto: FollowUpConfirmRequest,
    @CurrentUser() p: Principal,
  ): Promise<FollowUpView> {
    return this.followUps.confirm(id, dto, p);
  }
}
