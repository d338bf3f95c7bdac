/**
 * Starts a card processor in this process — what `main.ts` runs, and what a test harness in another
 * package starts on port 0 to script each payment method's answer:
 *
 * ```ts
 * const processor = await startCardProcessor();                 // port 0, 127.0.0.1, default keys
 * processor.setDecider(pmId, async (cardNumber) => { await released; return { outcome: 'APPROVED', cardLast4: cardNumber.slice(-4) }; });
 * // … CARD_PROCESSOR_URL = processor.url …
 * await processor.close();
 * ```
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp, defaultMaxBodyBytes } from './app';
import { defaultSlowMs, testCardDecider, type ChargeDecider, type Decider } from './decisions';
import { defaultKeys, type ApiKeys } from './keys';
import type { LogLine } from './request-log';
import { createState } from './state';

export { testCardDecider, testCards, defaultSlowMs } from './decisions';
export type { ChargeDecider, Decider, Decision } from './decisions';
export { defaultKeys, type ApiKeys } from './keys';

export interface CardProcessorOptions {
  /** Default 0: the system picks a free port (read it from `url` or `port`). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default `pk_test_shop` / `sk_test_shop`. */
  keys?: Partial<ApiKeys>;
  /** How long the slow test card (4000 0000 0000 0077) takes; default 6000 ms. */
  slowMs?: number;
  /** Decides every charge without a per-method script; default: the test-card rules. */
  decide?: ChargeDecider;
  /** Largest request body accepted (413 beyond); default 16 KiB. */
  maxBodyBytes?: number;
  /** Receives one line per request (no bodies, card-like digits masked); default: discarded. */
  log?: LogLine;
  /** How long `close()` lets requests in flight finish before cutting them off; default 10 s. */
  closeGraceMs?: number;
}

/** What a charge looked like, for assertions (no card number: the vault keeps that). */
export interface ChargeRecord {
  id: string;
  paymentMethodId: string;
  status: 'approved' | 'declined';
  amount: number;
  currency: string;
  last4: string;
  metadata: Record<string, string>;
  createdAt: Date;
}

export interface RefundRecord {
  id: string;
  chargeId: string;
  amount: number;
  status: 'succeeded';
  createdAt: Date;
}

export interface CardProcessor {
  /** `http://<host>:<port>`, without a trailing slash: the value for `CARD_PROCESSOR_URL`. */
  url: string;
  port: number;
  keys: ApiKeys;
  /** Scripts the answer for one payment method's charges; replaces an earlier script for it. */
  setDecider(paymentMethodId: string, decide: Decider): void;
  /** Back to the processor's decider for that payment method. */
  clearDecider(paymentMethodId: string): void;
  /** Every charge made so far, oldest first (declined ones included). */
  charges(): ChargeRecord[];
  /** Every refund made so far, oldest first. */
  refunds(): RefundRecord[];
  /** Stops accepting, lets requests in flight finish (up to `closeGraceMs`), then resolves; idempotent. */
  close(): Promise<void>;
}

export async function startCardProcessor(
  options: CardProcessorOptions = {},
): Promise<CardProcessor> {
  const host = options.host ?? '127.0.0.1';
  const keys = { ...defaultKeys, ...options.keys };
  if (keys.publishable === keys.secret) {
    throw new Error('card processor: the publishable and the secret key must differ');
  }
  const state = createState(options.decide ?? testCardDecider(options.slowMs ?? defaultSlowMs));
  const app = createApp({
    state,
    keys,
    log: options.log ?? (() => {}),
    maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
  });
  // overrideGlobalObjects: false leaves the host process's Request/Response alone (tests share it).
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  const server = createServer((request, response) => void listener(request, response));
  let closing: Promise<void> | undefined;
  // Once closing, a keep-alive connection whose request finishes is closed at once; otherwise it
  // would idle until its keep-alive timeout before the server counts as closed.
  server.on('request', (_request, response: ServerResponse) =>
    response.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    }),
  );
  const port = await listen(server, options.port ?? 0, host);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    keys,
    setDecider: (paymentMethodId, decide) => void state.scripts.set(paymentMethodId, decide),
    clearDecider: (paymentMethodId) => void state.scripts.delete(paymentMethodId),
    charges: () => state.ledger.charges().map((charge) => ({ ...charge })),
    refunds: () => state.ledger.refunds().map((refund) => ({ ...refund })),
    close: () => (closing ??= close(server, options.closeGraceMs ?? 10_000)),
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? `port ${port} is already in use` : error.message;
      reject(new Error(`card processor: cannot listen on ${host}:${port}: ${reason}`));
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const cutOff = setTimeout(() => server.closeAllConnections(), graceMs);
    cutOff.unref();
    server.close((error) => {
      clearTimeout(cutOff);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
