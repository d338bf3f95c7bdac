/**
 * The back office's ticket to the worker's queue board (`admin.opsLink`): the API signs it, the
 * browser carries it to `GET {WORKER_PUBLIC_URL}/admin/queues/login?ticket=…`, the worker checks it
 * and opens a session of its own. Only the shape lives here; each service holds its own HMAC code.
 *
 * A ticket is `base64url(JSON payload) + "." + base64url(HMAC-SHA256(that payload text, OPS_TICKET_SECRET))`.
 */
import { z } from 'zod';

/** How long a ticket may be used after it is issued; the worker refuses one that claims longer. */
export const opsTicketMaxAgeSeconds = 60;

export const opsTicketPayload = z.object({
  /** The admin's user id (for the worker's log; the worker has no accounts). */
  sub: z.string().min(1).max(100),
  /** Expiry, in seconds since the Unix epoch. */
  exp: z.number().int().positive(),
  /** Random, at least 128 bits in base64url: the worker takes each nonce once. */
  nonce: z
    .string()
    .min(22)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export type OpsTicketPayload = z.infer<typeof opsTicketPayload>;
