/**
 * The worker's half of the back office's way in to the queue board: it checks the one-minute
 * ticket the API signed (`@shop/contract/ops-ticket`: HMAC-SHA256 with OPS_TICKET_SECRET, each
 * nonce taken once) and then signs and checks a session of its own for an hour. The session is
 * signed with a key derived from the secret, so a ticket can never pass for a session or the other
 * way round. Signatures are compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import {
  opsTicketMaxAgeSeconds,
  opsTicketPayload,
  type OpsTicketPayload,
} from '@shop/contract/ops-ticket';

export const opsSessionSeconds = 60 * 60;

const opsSession = z.object({ sub: z.string().min(1), exp: z.number().int().positive() });
export type OpsSession = z.infer<typeof opsSession>;

export type TicketCheck =
  | { ok: true; payload: OpsTicketPayload }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'replayed' };

const mac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();
const sessionKey = (secret: string) => mac(secret, 'shop ops session v1');

function sign(payload: object, key: string | Buffer): string {
  const text = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${text}.${mac(key, text).toString('base64url')}`;
}

/** The payload's JSON when the signature is right, else `forged`/`malformed`. */
function open(token: string, key: string | Buffer): unknown {
  const [text, signature, extra] = token.split('.');
  if (!text || !signature || extra !== undefined) return 'malformed';
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, text);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
  } catch {
    return 'malformed';
  }
}

/**
 * Checks a ticket and takes its nonce: `seen` remembers nonces until their ticket expires (one
 * process holds them in memory; a restart forgets them, but a ticket lives one minute).
 */
export function checkOpsTicket(
  ticket: string,
  secret: string,
  seen: Map<string, number>,
  nowSeconds = Date.now() / 1000,
): TicketCheck {
  const opened = open(ticket, secret);
  if (opened === 'forged' || opened === 'malformed') return { ok: false, reason: opened };
  const parsed = opsTicketPayload.safeParse(opened);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const { exp, nonce } = parsed.data;
  if (exp <= nowSeconds) return { ok: false, reason: 'expired' };
  // A ticket never lives longer than the contract's minute (a few seconds of clock skew allowed).
  if (exp > nowSeconds + opsTicketMaxAgeSeconds + 5) return { ok: false, reason: 'malformed' };
  for (const [old, until] of seen) if (until <= nowSeconds) seen.delete(old);
  if (seen.has(nonce)) return { ok: false, reason: 'replayed' };
  seen.set(nonce, exp);
  return { ok: true, payload: parsed.data };
}

export function signOpsSession(sub: string, secret: string, nowSeconds = Date.now() / 1000) {
  return sign({ sub, exp: Math.floor(nowSeconds) + opsSessionSeconds }, sessionKey(secret));
}

/** The session a cookie holds, or null when it is forged, malformed or over. */
export function checkOpsSession(
  cookie: string,
  secret: string,
  nowSeconds = Date.now() / 1000,
): OpsSession | null {
  const parsed = opsSession.safeParse(open(cookie, sessionKey(secret)));
  return parsed.success && parsed.data.exp > nowSeconds ? parsed.data : null;
}
