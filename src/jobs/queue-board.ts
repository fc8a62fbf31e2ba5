import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { RequestHandler } from 'express';
import { QueueName } from './job-names';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** Serves bull-board behind `gate`, which lets only admins through. */
export function mountQueueBoard(app: INestApplication, gate: RequestHandler): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map(
      (name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false })),
    ),
    serverAdapter,
  });
  app.use(QUEUE_BOARD_PATH, gate, serverAdapter.getRouter());
}
