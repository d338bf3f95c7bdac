import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testCards } from '../src/server';
import { charge, post, publishable, tokenize } from './client';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

describe('the process (src/main.ts)', () => {
  it('serves on the port it is given, logs requests without card numbers, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, CARD_PROCESSOR_PORT: '0', CARD_PROCESSOR_SLOW_MS: '200' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', () => reject(new Error(`exited before listening:\n${output}`)));
      });
      const processor = { url };
      const pm = await tokenize(processor, testCards.slow);
      const slow = charge(processor, pm, 'charge:main');
      await post(
        processor,
        '/v1/payment-methods',
        { cardNumber: testCards.approved },
        { key: publishable },
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      child.kill('SIGTERM');
      // The charge in flight still answers before the process goes.
      expect((await slow).body).toMatchObject({ status: 'approved' });
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
    expect(output).toMatch(/card-processor: POST \/v1\/payment-methods 201 \d+ms/);
    expect(output).toMatch(/card-processor: POST \/v1\/charges 200 \d+ms/);
    expect(output).toMatch(/card-processor: SIGTERM received, shutting down/);
    expect(output).not.toMatch(/4242424242|4000000000/);
  }, 30_000);
});
