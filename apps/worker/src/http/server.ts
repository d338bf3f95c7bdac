/**
 * The worker's HTTP side (operators only, loopback by default), a Hono app on node:http:
 * `GET /health` (database, Redis, outbox lag, the depths of the worker's own queues — 503 only when
 * its database is down) and Bull Board at `/admin/queues` for an admin the back office signed in
 * (`ops-access.ts`). Anything else is a JSON 404; a failure is logged and answered as JSON, never
 * as a stack trace.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import type { Redis } from 'ioredis';
import { serviceHealth } from '@shop/event-bus/health';
import { consumerNames, consumers } from '@shop/events/consumers';
import type { Db } from '../db/pool';
import type { Logger } from '../log';
import { guardOps, opsBoardPath } from './ops-access';
import { queueBoard } from './queue-board';

export interface ServerDeps {
  pool: Db;
  /** A producer connection (`producerConnection`): health and the board read through it. */
  redis: Redis;
  /** QUEUE_PREFIX: the queues the board shows and the health counts. */
  prefix: string;
  /** OPS_TICKET_SECRET: checks the back office's tickets, signs the board's sessions. */
  opsTicketSecret: string;
  log?: Logger;
}

const ownConsumers = consumerNames.filter((name) => consumers[name].service === 'worker');

export function createServer(deps: ServerDeps): Server {
  // Not strict: the board links to `/admin/queues/` as well as `/admin/queues`.
  const app = new Hono({ strict: false });
  app.get('/health', async (c) => {
    const { httpStatus, body } = await serviceHealth({
      db: deps.pool,
      redis: deps.redis,
      prefix: deps.prefix,
      consumers: ownConsumers,
    });
    return c.json(body, httpStatus);
  });
  guardOps(app, { secret: deps.opsTicketSecret, ...(deps.log ? { log: deps.log } : {}) });
  const board = queueBoard({ redis: deps.redis, prefix: deps.prefix, basePath: opsBoardPath });
  app.route(opsBoardPath, board.app);
  app.notFound((c) =>
    c.json(
      { error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  app.onError((error, c) => {
    deps.log?.error({ err: error, path: c.req.path }, 'worker http: request failed');
    return c.json(
      { error: { code: 'internal', message: 'The worker could not answer this.' } },
      500,
    );
  });
  // overrideGlobalObjects: false leaves the process's Request/Response alone (tests share it).
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  const server = createHttpServer((req, res) => void listener(req, res));
  server.on('close', () => void board.close().catch(() => undefined));
  return server;
}
