import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EnvSchema, QueueService } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { RoomRateLimiter } from './rate-limiter';

/** What the room's event handlers use, in one injectable so handler files stay plain functions. */
@Injectable()
export class RoomDeps {
  constructor(
    @InjectDataSource() readonly db: DataSource,
    readonly limiter: RoomRateLimiter,
    readonly queue: QueueService,
    readonly config: EnvSchema,
  ) {}
}
