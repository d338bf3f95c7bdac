/**
 * The API's half of the back office's way in to the worker's queue board: a ticket in the format of
 * `@shop/contract/ops-ticket` — `{ sub, exp, nonce }` as base64url JSON, a dot, and its
 * HMAC-SHA256 with OPS_TICKET_SECRET — on a link to `{WORKER_PUBLIC_URL}/admin/queues/login`. The
 * worker holds the same secret and checks it (its own code: the services share no code but contracts).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { opsTicketMaxAgeSeconds, type OpsTicketPayload } from '@shop/contract/ops-ticket';

/** For development and tests only (the worker's default is the same); production must set its own. */
export const devOpsTicketSecret = 'dev-only-ops-ticket-secret-change-me';
export const defaultWorkerPublicUrl = 'http://127.0.0.1:4300';

export function signOpsTicket(payload: OpsTicketPayload, secret: string): string {
  const { sub, exp, nonce } = payload;
  const text = Buffer.from(JSON.stringify({ sub, exp, nonce })).toString('base64url');
  return `${text}.${createHmac('sha256', secret).update(text).digest('base64url')}`;
}

export function createOpsLinks({
  secret,
  workerPublicUrl,
}: {
  secret: string;
  workerPublicUrl: string;
}) {
  const loginUrl = `${workerPublicUrl.replace(/\/+$/, '')}/admin/queues/login`;
  return {
    queueBoard(adminUserId: string, now: Date): { url: string; expiresAt: Date } {
      const exp = Math.floor(now.getTime() / 1000) + opsTicketMaxAgeSeconds;
      const nonce = randomBytes(16).toString('base64url');
      const ticket = signOpsTicket({ sub: adminUserId, exp, nonce }, secret);
      return { url: `${loginUrl}?ticket=${ticket}`, expiresAt: new Date(exp * 1000) };
    },
  };
}
