import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultMailDir,
  shopPorts,
  shopServices,
  standaloneProcessor,
  standaloneWorker,
} from '../lib/app-services.mjs';
import { dataDir } from '../lib/paths.mjs';

const urls = {
  databaseUrl: 'postgresql://postgres@127.0.0.1:5432/shop',
  workerDatabaseUrl: 'postgresql://postgres@127.0.0.1:5432/shop_worker',
  redisUrl: 'redis://127.0.0.1:6379',
};
const byName = (services) => Object.fromEntries(services.map((service) => [service.name, service]));

describe('shopServices (npm start, npm run dev)', () => {
  const services = shopServices({ nodeEnv: 'production', ...urls });
  const { processor, worker, api, web } = byName(services);

  it('starts the card processor, the worker, the api and the web app, each from its workspace', () => {
    expect(services.map((service) => [service.name, service.workspace])).toEqual([
      ['processor', '@shop/card-processor'],
      ['worker', '@shop/worker'],
      ['api', '@shop/api'],
      ['web', '@shop/web'],
    ]);
    for (const service of services) expect(service.env.NODE_ENV).toBe('production');
  });

  it('listens on the documented ports and checks each one’s health URL', () => {
    expect(services.map((service) => service.healthUrl)).toEqual([
      'http://127.0.0.1:4200/health',
      'http://127.0.0.1:4300/health',
      'http://127.0.0.1:4000/health',
      'http://127.0.0.1:3000/',
    ]);
    expect(processor.env).toMatchObject({
      CARD_PROCESSOR_PORT: '4200',
      CARD_PROCESSOR_HOST: '127.0.0.1',
    });
    expect(worker.env).toMatchObject({ WORKER_PORT: '4300', WORKER_HOST: '127.0.0.1' });
    expect(api.env.PORT).toBe('4000');
    expect(web.env.PORT).toBe('3000');
  });

  it('gives the worker its own database and the api the shop’s', () => {
    expect(worker.env.WORKER_DATABASE_URL).toBe(urls.workerDatabaseUrl);
    expect(worker.env).not.toHaveProperty('DATABASE_URL');
    expect(api.env.DATABASE_URL).toBe(urls.databaseUrl);
    expect(api.env).not.toHaveProperty('WORKER_DATABASE_URL');
  });

  it('points the api and the worker at the same Redis and the card processor it starts', () => {
    expect(api.env.REDIS_URL).toBe(urls.redisUrl);
    expect(worker.env.REDIS_URL).toBe(urls.redisUrl);
    expect(api.env.CARD_PROCESSOR_URL).toBe('http://127.0.0.1:4200');
    expect(worker.env.CARD_PROCESSOR_URL).toBe('http://127.0.0.1:4200');
    expect(web.env.API_URL).toBe('http://127.0.0.1:4000');
  });

  it('leaves QUEUE_PREFIX and the keys to the apps’ defaults (or the shell’s), so both sides agree', () => {
    for (const service of services) {
      expect(service.env).not.toHaveProperty('QUEUE_PREFIX');
      expect(service.env).not.toHaveProperty('CARD_PROCESSOR_SECRET_KEY');
      expect(service.env).not.toHaveProperty('CARD_PROCESSOR_PUBLISHABLE_KEY');
    }
  });

  it('has the worker write e-mails under .data/mail', () => {
    expect(worker.env.MAIL_DIR).toBe(path.join(dataDir, 'mail'));
    expect(defaultMailDir).toBe(path.join(dataDir, 'mail'));
  });

  it('names every port for the port check', () => {
    expect(shopPorts()).toEqual({
      3000: 'the web app',
      4000: 'the API',
      4200: 'the card processor',
      4300: 'the worker',
    });
  });
});

describe('standaloneWorker (npm run worker)', () => {
  const provided = { databaseUrl: urls.workerDatabaseUrl, redisUrl: urls.redisUrl };

  it('runs the production build on 4300 against the default card processor', () => {
    const worker = standaloneWorker({ env: {}, ...provided });
    expect(worker.workspace).toBe('@shop/worker');
    expect(worker.env).toMatchObject({
      NODE_ENV: 'production',
      WORKER_PORT: '4300',
      WORKER_HOST: '127.0.0.1',
      WORKER_DATABASE_URL: urls.workerDatabaseUrl,
      REDIS_URL: urls.redisUrl,
      CARD_PROCESSOR_URL: 'http://127.0.0.1:4200',
      MAIL_DIR: defaultMailDir,
    });
    expect(worker.healthUrl).toBe('http://127.0.0.1:4300/health');
  });

  it('takes its port, address, card processor and mail folder from the environment', () => {
    const worker = standaloneWorker({
      env: {
        WORKER_PORT: '5300',
        WORKER_HOST: '0.0.0.0',
        CARD_PROCESSOR_URL: 'https://psp.example',
        MAIL_DIR: '/var/mail/shop',
      },
      ...provided,
    });
    expect(worker.env).toMatchObject({
      WORKER_PORT: '5300',
      WORKER_HOST: '0.0.0.0',
      CARD_PROCESSOR_URL: 'https://psp.example',
      MAIL_DIR: '/var/mail/shop',
    });
    expect(worker.port).toBe(5300);
    // Listening on every address: checked on loopback.
    expect(worker.healthUrl).toBe('http://127.0.0.1:5300/health');
  });

  it('checks a worker bound to one address on that address', () => {
    const worker = standaloneWorker({ env: { WORKER_HOST: '::1' }, ...provided });
    expect(worker.healthUrl).toBe('http://[::1]:4300/health');
  });

  it('refuses a port that is not one, naming the variable', () => {
    expect(() => standaloneWorker({ env: { WORKER_PORT: 'http' }, ...provided })).toThrow(
      'WORKER_PORT must be a TCP port (1–65535), got "http".',
    );
    expect(() => standaloneWorker({ env: { WORKER_PORT: '70000' }, ...provided })).toThrow(
      'WORKER_PORT must be a TCP port',
    );
  });
});

describe('standaloneProcessor (npm run processor)', () => {
  it('runs on 4200, or on CARD_PROCESSOR_PORT/HOST', () => {
    expect(standaloneProcessor({ env: {} })).toMatchObject({
      workspace: '@shop/card-processor',
      env: { NODE_ENV: 'production', CARD_PROCESSOR_PORT: '4200' },
      healthUrl: 'http://127.0.0.1:4200/health',
    });
    expect(
      standaloneProcessor({
        env: { CARD_PROCESSOR_PORT: '4999', CARD_PROCESSOR_HOST: '127.0.0.2' },
      }).healthUrl,
    ).toBe('http://127.0.0.2:4999/health');
  });
});
