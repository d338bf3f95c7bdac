import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { opsTicketPayload } from '@shop/contract/ops-ticket';
import { createOpsLinks, signOpsTicket } from './ops-ticket';

/**
 * The same secret, payload and ticket as the worker's checker test (apps/worker): both services
 * agree on the format byte for byte without importing each other.
 */
const fixedSecret = 'fixed-test-secret-for-ops-tickets-0001';
const fixedTicket =
  'eyJzdWIiOiJ1c3JfZml4ZWRfYWRtaW4iLCJleHAiOjE4OTM0NTYwMDAsIm5vbmNlIjoiYm05dVkyVXRabWw0WldRdE1EQXdNREF4In0.n8RXlRP8LyjTi9oL9W7N9-oTC_iQQuI6cNnUPCEuMTw';

describe('signOpsTicket', () => {
  it('writes the ticket the worker checks', () => {
    const payload = {
      sub: 'usr_fixed_admin',
      exp: 1_893_456_000,
      nonce: 'bm9uY2UtZml4ZWQtMDAwMDAx',
    };
    expect(signOpsTicket(payload, fixedSecret)).toBe(fixedTicket);
  });
});

describe('createOpsLinks', () => {
  it('links to the worker’s login with a one-minute ticket and a fresh nonce each time', () => {
    const links = createOpsLinks({
      secret: fixedSecret,
      workerPublicUrl: 'https://ops.shop.test/',
    });
    const now = new Date('2030-01-01T00:00:00.400Z');
    const first = links.queueBoard('usr_1', now);
    expect(first.expiresAt).toEqual(new Date('2030-01-01T00:01:00Z'));
    const url = new URL(first.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://ops.shop.test/admin/queues/login');

    const ticket = url.searchParams.get('ticket') ?? '';
    const [text = '', signature] = ticket.split('.');
    expect(signature).toBe(createHmac('sha256', fixedSecret).update(text).digest('base64url'));
    const payload = opsTicketPayload.parse(JSON.parse(Buffer.from(text, 'base64url').toString()));
    expect(payload).toMatchObject({ sub: 'usr_1', exp: 1_893_456_060 });

    const second = new URL(links.queueBoard('usr_1', now).url).searchParams.get('ticket') ?? '';
    expect(second).not.toBe(ticket);
  });
});
