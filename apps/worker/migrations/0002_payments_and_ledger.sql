-- The payment context: one payment per order and its ledger (the money that moved).
--
-- status:
--   awaiting-order  a cancellation arrived before the order was seen (the tombstone): the order's
--                   OrderPlaced, when it comes, is skipped, never charged
--   captured        the processor approved the charge (charge_id, card_last4)
--   declined        the processor declined it (decline_reason); nothing was taken
--   refunded        the captured charge was given back in full (refund_id)
--   skipped         the order was seen after its cancellation: no charge was attempted
--   failed          the processor refused the request itself (unknown payment method, bad key…)
--                   or stayed unreachable until the last attempt: nothing charged, none will be
-- The charge itself runs inside the transaction that records its answer, so no row is ever
-- committed "in flight": a crash rolls back, and the retry asks the processor again under the same
-- idempotency key and gets the same answer.
CREATE TABLE payments (
  order_id text PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  status text NOT NULL
    CHECK (status IN ('awaiting-order', 'captured', 'declined', 'refunded', 'skipped', 'failed')),
  payment_method_id text,
  amount integer CHECK (amount > 0),
  currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
  charge_id text UNIQUE,
  refund_id text UNIQUE,
  card_last4 char(4) CHECK (card_last4 ~ '^[0-9]{4}$'),
  decline_reason text,
  failure_reason text,
  cancelled_at timestamptz,
  cancel_reason text,
  charged_at timestamptz,
  refunded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT payments_tombstone_is_cancelled
    CHECK (status NOT IN ('awaiting-order', 'skipped') OR cancelled_at IS NOT NULL),
  CONSTRAINT payments_charged_has_answer
    CHECK (status NOT IN ('captured', 'declined', 'refunded')
      OR (charge_id IS NOT NULL AND amount IS NOT NULL AND currency IS NOT NULL
          AND card_last4 IS NOT NULL AND charged_at IS NOT NULL)),
  CONSTRAINT payments_failed_says_why
    CHECK ((status = 'failed') = (failure_reason IS NOT NULL)),
  CONSTRAINT payments_refund_only_when_refunded
    CHECK ((status = 'refunded') = (refund_id IS NOT NULL AND refunded_at IS NOT NULL))
);

-- Money that moved, one row per movement: at most one charge and one refund per order, each named
-- by the processor's id for it.
CREATE TABLE ledger_entries (
  id uuid PRIMARY KEY,
  order_id text NOT NULL REFERENCES payments (order_id),
  kind text NOT NULL CHECK (kind IN ('charge', 'refund')),
  amount integer NOT NULL CHECK (amount > 0),
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  processor_ref text NOT NULL UNIQUE,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (order_id, kind)
);
