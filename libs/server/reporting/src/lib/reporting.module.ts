import { Module } from '@nestjs/common';

/** Dashboards, the supervisor's team, and report exports over the summary tables. */
@Module({})
export class ReportingModule {}
