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
  ClaimDecisionRequest,
  ClaimListQuery,
  type EvidenceUploadResponse,
  type Page,
  TrainingClaimRequest,
  type TrainingClaimView,
} from '@siantar/contracts';
import { Authenticated, CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { EvidenceUploadInterceptor } from '../evidence/evidence-upload.interceptor';
import { EvidenceService } from '../evidence/evidence.service';
import { ClaimsService } from './claims.service';

const uuid = uuidParam();

@ApiTags('ledger')
@ApiBearerAuth()
@Controller()
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly evidence: EvidenceService,
  ) {}

  @Authenticated()
  @Post('me/training-claims/evidence')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(EvidenceUploadInterceptor)
  uploadEvidence(
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentUser() p: Principal,
  ): Promise<EvidenceUploadResponse> {
    return this.evidence.store(file, p.id);
  }

  @Authenticated()
  @Post('me/training-claims')
  submit(
    @Body() dto: TrainingClaimRequest,
    @CurrentUser() p: Principal,
  ): Promise<TrainingClaimView> {
    return this.claims.submit(dto, p);
  }

  @Authenticated()
  @Get('me/training-claims')
  mine(@Query() q: ClaimListQuery, @CurrentUser() p: Principal): Promise<Page<TrainingClaimView>> {
    return this.claims.mine(q, p);
  }

  @Roles('supervisor', 'admin')
  @Get('training-claims')
  toDecide(
    @Query() q: ClaimListQuery,
    @CurrentUser() p: Principal,
  ): Promise<Page<TrainingClaimView>> {
    return this.claims.toDecide(q, p);
  }

  @Roles('supervisor', 'admin')
  @Post('training-claims/:id/decision')
  @HttpCode(200)
  decide(
    @Param('id', uuid) id: string,
    @Body() dto: ClaimDecisionRequest,
    @CurrentUser() p: Principal,
  ): Promise<TrainingClaimView> {
    return this.claims.decide(id, dto, p);
  }
}
