import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { JpTargetRequest, type JpTargetView } from '@siantar/contracts';
import { Authenticated, CurrentUser, type Principal, Roles } from '@siantar/server-core';
import { TargetsService } from './targets.service';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('jp-targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Authenticated()
  @Get()
  list(): Promise<JpTargetView[]> {
    return this.targets.list();
  }

  @Roles('admin')
  @Put(':employmentType')
  set(
    @Param('employmentType') type: string,
    @Body() dto: JpTargetRequest,
    @CurrentUser() p: Principal,
  ): Promise<JpTargetView> {
    return this.targets.set(type, dto, p);
  }
}
