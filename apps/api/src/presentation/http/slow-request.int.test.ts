import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../testing';
import { startHarness, type Harness } from '../../../test/harness';

let h: Harness;
let server: Server;

beforeAll(async () => {
  h = await startHarness('slow_request');
  server = createServer({ db: h.prisma, allowedOrigins: [], requestTimeoutMs: 300 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

/** Sends the headers and one byte of a 100-byte body, then nothing; answers what the server says. */
function trickle(): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        'POST /trpc/auth.signUp HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
      );
    });
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('a client that sends its body slowly', () => {
  it('gets 408 and its connection closed once the request time is up, not after 300 s', async () => {
    const answer = await trickle();
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 15_000);
});
