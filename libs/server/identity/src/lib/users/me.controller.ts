import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UpdateMeRequest, type UserResponse } from '@siantar/contracts';
import { Authenticated, CurrentUser, type Principal } from '@siantar/server-core';
import { UsersService } from './users.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Authenticated()
  @Get()
  me(@CurrentUser() me: Principal): Promise<UserResponse> {
    return this.users.me(me.id);
  }

  @Authenticated()
  @Patch()
  update(@CurrentUser() me: Principal, @Body() body: UpdateMeRequest): Promise<UserResponse> {
    return this.users.updateMe(me.id, body);
  }
}
