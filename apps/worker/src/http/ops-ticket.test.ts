import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkOpsSession, checkOpsTicket, signOpsSession } from './ops-ticket';

/**
 * The same secret, payload and ticket as the API's signer test (apps/api): both services agree
 * on the format byte for byte without importing each other.
 */
const fixedSecret = 'fixed-test-secret-for-ops-tickets-0001';
const fixedTicket =
  'eyJzdWIiOiJ1c3JfZml4ZWRfYWRtaW4iLCJleHAiOjE4OTM0NTYwMDAsIm5vbmNlIjoiYm05dVkyVXRabWw0WldRdE1EQXdNREF4In0.n8RXlRP8LyjTi9oL9W7N9-oTC_iQQuI6cNnUPCEuMTw';
const fixedExp = 1_893_456_000; // 2030-01-01T00:00:00Z

function ticket(payload: object, secret = fixedSecret): string {
  const text = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${text}.${createHmac('sha256', secret).update(text).digest('base64url')}`;
}

describe('checkOpsTicket', () => {
  it('accepts the API’s ticket format, each nonce once', () => {
    const seen = new Map<string, number>();
    expect(checkOpsTicket(fixedTicket, fixedSecret, seen, fixedExp - 30)).toEqual({
      ok: true,
      payload: { sub: 'usr_fixed_admin', exp: fixedExp, nonce: 'bm9uY2UtZml4ZWQtMDAwMDAx' },
    });
    expect(checkOpsTicket(fixedTicket, fixedSecret, seen, fixedExp - 29)).toEqual({
      ok: false,
      reason: 'replayed',
    });
  });

  it('refuses expired, forged, tampered, long-lived and malformed tickets', () => {
    const check = (value: string, now = fixedExp - 30) =>
      checkOpsTicket(value, fixedSecret, new Map(), now);
    expect(check(fixedTicket, fixedExp)).toEqual({ ok: false, reason: 'expired' });
    const payload = { sub: 'usr_1', exp: fixedExp, nonce: 'bm9uY2UtZml4ZWQtMDAwMDAy' };
    expect(check(ticket(payload, 'another-secret-of-at-least-32-chars!'))).toEqual({
      ok: false,
      reason: 'forged',
    });
    const [, signature] = fixedTicket.split('.');
    const tampered = Buffer.from(JSON.stringify({ ...payload, sub: 'usr_2' })).toString(
      'base64url',
    );
    expect(check(`${tampered}.${signature}`)).toEqual({ ok: false, reason: 'forged' });
    expect(check(ticket(payload), fixedExp - 3600)).toEqual({ ok: false, reason: 'malformed' });
    expect(check(ticket({ sub: 'usr_1', exp: fixedExp }))).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(check('')).toEqual({ ok: false, reason: 'malformed' });
    expect(check(`${fixedTicket}.x`)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('forgets nonces once their ticket has expired', () => {
    const seen = new Map<string, number>();
    checkOpsTicket(fixedTicket, fixedSecret, seen, fixedExp - 30);
    const later = { sub: 'usr_1', exp: fixedExp + 100, nonce: 'bm9uY2UtZml4ZWQtMDAwMDAz' };
    checkOpsTicket(ticket(later), fixedSecret, seen, fixedExp + 50);
    expect([...seen.keys()]).toEqual(['bm9uY2UtZml4ZWQtMDAwMDAz']);
  });
});

describe('ops sessions', () => {
  it('last an hour and are never a ticket', () => {
    const now = 1_800_000_000;
    const session = signOpsSession('usr_1', fixedSecret, now);
    expect(checkOpsSession(session, fixedSecret, now + 3599)).toEqual({
      sub: 'usr_1',
      exp: now + 3600,
    });
    expect(checkOpsSession(session, fixedSecret, now + 3600)).toBeNull();
    expect(checkOpsSession(session, 'another-secret-of-at-least-32-chars!', now)).toBeNull();
    expect(checkOpsSession(fixedTicket, fixedSecret, fixedExp - 30)).toBeNull();
    expect(checkOpsTicket(session, fixedSecret, new Map(), now).ok).toBe(false);
  });
});
