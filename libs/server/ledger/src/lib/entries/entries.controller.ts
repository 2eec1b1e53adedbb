import { Body, Controller, Delete, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AdminLedgerEntryRequest,
  type LedgerEntryView,
  ReverseEntryRequest,
} from '@siantar/contracts';
import { CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { appendOnly, EntriesService } from './entries.service';

const uuid = uuidParam();

@ApiTags('ledger')
@ApiBearerAuth()
@Controller()
export class EntriesController {
  constructor(private readonly entries: EntriesService) {}

  @Roles('admin')
  @Post('users/:userId/ledger-entries')
  enter(
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() dto: AdminLedgerEntryRequest,
    @CurrentUser() p: Principal,
  ): Promise<LedgerEntryView> {
    return this.entries.enter(userId, dto, p);
  }

  @Roles('admin')
  @Post('ledger-entries/:id/reverse')
  reverse(
    @Param('id', uuid) id: string,
    @Body() dto: ReverseEntryRequest,
    @CurrentUser() p: Principal,
  ): Promise<LedgerEntryView> {
    return this.entries.reverse(id, dto, p);
  }

  // Declared so that an edit gets a clear answer instead of a bare 404.
  @Roles('admin')
  @Patch('ledger-entries/:id')
  patch(): never {
    throw appendOnly();
  }

  @Roles('admin')
  @Put('ledger-entries/:id')
  put(): never {
    throw appendOnly();
  }

  @Roles('admin')
  @Delete('ledger-entries/:id')
  remove(): never {
    throw appendOnly();
  }
}
