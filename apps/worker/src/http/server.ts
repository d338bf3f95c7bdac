/**
 * The worker's HTTP side (operators only, loopback by default). Today `GET /health`: whether the
 * worker's database answers, and the outbox lag (age of the oldest unpublished event). Anything
 * else is a JSON 404; a database that does not answer is a 503 that says so.
 */
import { createServer as createHttpServer, type Server, type ServerResponse } from 'node:http';
import type { Db } from '../db/pool';

export interface Health {
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unreachable';
  /** Seconds since the oldest event still waiting in the outbox was recorded; 0 when none waits. */
  outboxLagSeconds: number | null;
}

export async function readHealth(pool: Db): Promise<Health> {
  try {
    const { rows } = await pool.query<{ lag: number }>(
      `SELECT coalesce(extract(epoch FROM now() - min(occurred_at)), 0)::float8 AS lag
         FROM outbox WHERE published_at IS NULL`,
    );
    return { status: 'ok', database: 'ok', outboxLagSeconds: rows[0]?.lag ?? 0 };
  } catch {
    return { status: 'unavailable', database: 'unreachable', outboxLagSeconds: null };
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function createServer(deps: { pool: Db }): Server {
  return createHttpServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://worker').pathname;
    if (req.method === 'GET' && path === '/health') {
      void readHealth(deps.pool).then((health) =>
        sendJson(res, health.status === 'ok' ? 200 : 503, health),
      );
      return;
    }
    sendJson(res, 404, { error: { code: 'not_found', message: `No route ${req.method} ${path}` } });
  });
}
