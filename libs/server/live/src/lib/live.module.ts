import { Module } from '@nestjs/common';
import { CalendarService } from './calendar/calendar.service';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';

/** Live sessions: scheduling, the calendar file and the per-user iCalendar feed. */
@Module({
  controllers: [SessionsController],
  providers: [SessionsService, CalendarService],
})
export class LiveModule {}
