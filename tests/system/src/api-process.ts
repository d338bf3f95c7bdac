// The queue board's ticket secret the system tests give both services (production refuses the default).
export const systemTestOpsSecret = 'system-tests-ops-ticket-secret-0123456789';
/**
 * The API as `npm start` runs it (apps/api src/main.ts), on a free port, against the given
 * database, broker and card processor. Ready once `GET /health` answers 200.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port';
import { startNodeProcess, type NodeProcess } from './node-process';

/** The origin the suite's shoppers send (the API refuses mutations from origins it does not allow). */
export const shopOrigin = 'http://shop.test';

export interface ApiConfig {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  cardProcessorUrl: string;
  publishableKey: string;
  /** How long `orders.place` waits for payment before answering PENDING_PAYMENT. */
  checkoutWaitMs: number;
  /** Anything else the test sets (e.g. RESERVATION_MINUTES). */
  env?: Record<string, string>;
  name?: string;
}

export interface ApiProcess extends NodeProcess {
  url: string;
}

export async function startApi(config: ApiConfig, timeoutMs = 120_000): Promise<ApiProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = startNodeProcess({
    name: config.name ?? 'api',
    app: 'api',
    env: {
      NODE_ENV: 'production',
      OPS_TICKET_SECRET: systemTestOpsSecret,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: config.queuePrefix,
      CARD_PROCESSOR_URL: config.cardProcessorUrl,
      CARD_PROCESSOR_PUBLISHABLE_KEY: config.publishableKey,
      CHECKOUT_WAIT_MS: String(config.checkoutWaitMs),
      ALLOWED_ORIGINS: shopOrigin,
      // The suite's shoppers all sign up from 127.0.0.1.
      SIGNUP_MAX_PER_ADDRESS: '10000',
      ...config.env,
    },
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { ...api, url };
    if (api.service.exitStatus) {
      const { code, signal } = api.service.exitStatus;
      throw new Error(
        `the API exited (${signal ?? `code ${code}`}) while starting:\n${api.tail()}`,
      );
    }
    if (Date.now() > deadline) {
      await api.stop();
      throw new Error(
        `the API did not answer ${url}/health within ${timeoutMs / 1000} s:\n${api.tail()}`,
      );
    }
    await sleep(200);
  }
}
