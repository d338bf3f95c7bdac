/** What the routes work with: the in-memory state and the decider of the running processor. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Decision } from './decisions';
import type { IdempotencyKeys } from './idempotency';
import type { KeyEnv } from './keys';
import type { Ledger } from './ledger';
import type { Vault } from './vault';

export interface ProcessorState {
  vault: Vault;
  ledger: Ledger;
  idempotency: IdempotencyKeys;
  /** Decides a charge on the card behind `paymentMethodId` (per-method scripts first). */
  decide: (cardNumber: string, paymentMethodId: string) => Promise<Decision>;
}

export type App = OpenAPIHono<KeyEnv>;
