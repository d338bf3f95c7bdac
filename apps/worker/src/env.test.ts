import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

describe('loadEnv', () => {
  it('defaults to the design’s ports, loopback and the shop_worker database', () => {
    expect(loadEnv({})).toEqual({
      NODE_ENV: 'development',
      WORKER_DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/shop_worker',
      WORKER_PORT: 4300,
      WORKER_HOST: '127.0.0.1',
      CARD_PROCESSOR_URL: 'http://127.0.0.1:4200',
      CARD_PROCESSOR_SECRET_KEY: 'sk_test_shop',
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: '{shop}',
      EVENT_LOG_DAYS: 7,
      STALLED_INTERVAL_MS: 5_000,
      WORKER_MIGRATE_ON_START: '0',
      WORKER_DROP_DATABASE_ON_EXIT: '0',
      MAIL_DIR: fileURLToPath(new URL('../../../.data/mail', import.meta.url)),
      MAIL_FROM: 'Shop <orders@shop.test>',
    });
  });

  it('sends e-mail over SMTP only when SMTP_URL is set, and treats an empty one as unset', () => {
    expect(loadEnv({}).SMTP_URL).toBeUndefined();
    expect(loadEnv({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
    expect(loadEnv({ SMTP_URL: 'smtps://u:p@mail.example.com:465' }).SMTP_URL).toBe(
      'smtps://u:p@mail.example.com:465',
    );
    expect(() => loadEnv({ SMTP_URL: 'http://mail.example.com' })).toThrow(
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });

  it('names the variable that is wrong', () => {
    expect(() => loadEnv({ WORKER_DATABASE_URL: 'mysql://x/y' })).toThrow(
      /WORKER_DATABASE_URL must be a postgresql:\/\/ URL/,
    );
    expect(() => loadEnv({ WORKER_PORT: '70000' })).toThrow(/WORKER_PORT/);
  });
});
