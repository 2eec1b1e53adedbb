import { Module } from '@nestjs/common';
import { IdentityModule } from '@siantar/server-identity';
import { NotificationPlanner } from '@siantar/server-notify';
import { AttendanceController } from './attendance/attendance.controller';
import { AttendanceService } from './attendance/attendance.service';
import { CalendarService } from './calendar/calendar.service';
import { MediaTokenService } from './media/media-token.service';
import { LiveGateway } from './room/live.gateway';
import { RoomRateLimiter } from './room/rate-limiter';
import { RoomDeps } from './room/room-deps';
import { SessionsController } from './sessions/sessions.controller';
import { SessionNotices } from './sessions/session-notices';
import { SessionsService } from './sessions/sessions.service';

/** Live sessions: scheduling, calendars, and the `/live` socket.io rooms. */
@Module({
  imports: [IdentityModule],
  controllers: [SessionsController, AttendanceController],
  providers: [
    SessionsService,
    SessionNotices,
    NotificationPlanner,
    CalendarService,
    AttendanceService,
    MediaTokenService,
    RoomRateLimiter,
    RoomDeps,
    LiveGateway,
  ],
})
export class LiveModule {}
