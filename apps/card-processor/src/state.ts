/**
 * One processor's memory: the vault, the ledger, the idempotency keys and who decides charges — a
 * script set for one payment method first, then the processor's decider, then the test cards.
 */
import type { ProcessorState } from './deps';
import type { ChargeDecider, Decider } from './decisions';
import { createIdempotencyKeys } from './idempotency';
import { createLedger } from './ledger';
import { createVault } from './vault';

export interface ScriptableState extends ProcessorState {
  scripts: Map<string, Decider>;
}

export function createState(decide: ChargeDecider): ScriptableState {
  const scripts = new Map<string, Decider>();
  return {
    vault: createVault(),
    ledger: createLedger(),
    idempotency: createIdempotencyKeys(),
    scripts,
    decide: async (cardNumber, paymentMethodId) => {
      const script = scripts.get(paymentMethodId);
      return script ? script(cardNumber) : decide(cardNumber, paymentMethodId);
    },
  };
}
