/**
 * Bull Board on the worker: every consumer's queue (`@shop/events/consumers`, both services')
 * under the shared prefix, read through the producer connection — waiting, delayed and failed
 * jobs (the dead letters), with retry. Mounted under `/admin/queues`, behind `guardOps`.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Queue } from 'bullmq';
import type { Hono } from 'hono';
import type { Redis } from 'ioredis';
import { consumerNames, consumers } from '@shop/events/consumers';

export interface QueueBoard {
  app: Hono;
  close(): Promise<void>;
}

export function queueBoard({
  redis,
  prefix,
  basePath,
}: {
  redis: Redis;
  prefix: string;
  basePath: string;
}): QueueBoard {
  const queues = consumerNames.map((name) => {
    const queue = new Queue(name, { connection: redis, prefix });
    // Redis away: the board's reads fail and say so; the connection's errors are not news.
    queue.on('error', () => undefined);
    const { service, summary } = consumers[name];
    return { queue, adapter: new BullMQAdapter(queue, { description: `${service}: ${summary}` }) };
  });
  const adapter = new HonoAdapter(serveStatic).setBasePath(basePath);
  createBullBoard({
    queues: queues.map((entry) => entry.adapter),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'Shop queues' } },
  });
  return {
    app: adapter.registerPlugin(),
    close: () => Promise.all(queues.map(({ queue }) => queue.close())).then(() => undefined),
  };
}
