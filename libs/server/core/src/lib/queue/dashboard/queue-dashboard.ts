import type { INestApplication } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { QUEUE_NAMES } from '@siantar/contracts';
import type { NextFunction, Request, Response } from 'express';
import type { EnvSchema } from '../../config/env.schema';
import { QueueService } from '../queue.service';
import { OPS_COOKIE, opsTicketUser } from './ops-ticket';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * bull-board for city-wide admins: every queue, failed jobs with their reason, retry.
 * The browser reaches it with the short-lived cookie that POST /api/v1/admin/queue-dashboard
 * sets (bearer tokens live in the app's memory, not in a page the browser opens).
 */
export function mountQueueDashboard(app: INestApplication, config: EnvSchema): void {
  const queues = app.get(QueueService);
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullMQAdapter(queues.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Antrean Siantar Belajar' } },
  });
  const guard = (req: Request, res: Response, next: NextFunction) => {
    const cookies = req.cookies as Record<string, string | undefined> | undefined;
    if (opsTicketUser(config.JWT_SECRET, cookies?.[OPS_COOKIE])) return next();
    res
      .status(401)
      .type('text/plain; charset=utf-8')
      .send(
        'Dasbor antrean hanya untuk admin tingkat kota: buka dari menu Admin › Antrean (berlaku 15 menit).',
      );
  };
  app.use(QUEUE_DASHBOARD_PATH, guard, board.getRouter());
}
