import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CreateOrgUnitRequest,
  type OrgUnitResponse,
  UpdateOrgUnitRequest,
} from '@siantar/contracts';
import { Authenticated, CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { OrgUnitsService } from './org-units.service';

const uuid = uuidParam('id unit organisasi');

@ApiTags('org-units')
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  /** The organisation chart is not secret: every signed-in user may read it (forms, filters). */
  @Authenticated()
  @Get()
  list(): Promise<OrgUnitResponse[]> {
    return this.units.list();
  }

  @Roles('admin')
  @Post()
  create(
    @Body() body: CreateOrgUnitRequest,
    @CurrentUser() me: Principal,
  ): Promise<OrgUnitResponse> {
    return this.units.create(body, me);
  }

  @Roles('admin')
  @Patch(':id')
  update(
    @Param('id', uuid) id: string,
    @Body() body: UpdateOrgUnitRequest,
    @CurrentUser() me: Principal,
  ): Promise<OrgUnitResponse> {
    return this.units.update(id, body, me);
  }
}
