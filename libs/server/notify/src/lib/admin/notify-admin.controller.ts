import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type DeliveryLogPage,
  DeliveryLogQuery,
  type NotificationDefaultsView,
  UpdateNotificationDefaultsRequest,
} from '@siantar/contracts';
import {
  CurrentUser,
  forbidden,
  isCityWideAdmin,
  type Principal,
  Roles,
  uuidParam,
} from '@siantar/server-core';
import { DeliveryLogService } from './delivery-log.service';
import { NotificationDefaultsService } from './notification-defaults.service';

const cityWideOnly = (p: Principal) => {
  if (!isCityWideAdmin(p))
    throw forbidden(
      'Bawaan notifikasi berlaku untuk seluruh kota; hanya admin BKPSDM yang mengubahnya.',
    );
};

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('admin')
export class NotifyAdminController {
  constructor(
    private readonly defaults: NotificationDefaultsService,
    private readonly log: DeliveryLogService,
  ) {}

  @Roles('admin')
  @Get('notification-defaults')
  viewDefaults(@CurrentUser() p: Principal): Promise<NotificationDefaultsView> {
    cityWideOnly(p);
    return this.defaults.view();
  }

  @Roles('admin')
  @Put('notification-defaults')
  updateDefaults(
    @Body() dto: UpdateNotificationDefaultsRequest,
    @CurrentUser() p: Principal,
  ): Promise<NotificationDefaultsView> {
    cityWideOnly(p);
    return this.defaults.update(dto, p.id);
  }

  @Roles('admin')
  @Get('notification-deliveries')
  deliveries(@Query() q: DeliveryLogQuery, @CurrentUser() p: Principal): Promise<DeliveryLogPage> {
    return this.log.page(p, q);
  }

  @Roles('admin')
  @Delete('users/:userId/email-bounce')
  @HttpCode(204)
  clearBounce(
    @Param('userId', uuidParam('id pegawai')) userId: string,
    @CurrentUser() p: Principal,
  ): Promise<void> {
    return this.log.clearBounce(p, userId);
  }
}
