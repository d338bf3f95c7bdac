/**
 * Where payments live: one `payments` row per order, its money movements in `ledger_entries`, and
 * the events it recorded in the `outbox` — all written by `save` in the caller's transaction.
 *
 * `lock` serializes everything done about one order (a transaction-scoped advisory lock on the
 * order id) before reading its row, so an OrderPlaced and an OrderCancelled handled at the same
 * moment take turns even while no row exists yet. The row's `version` is checked on every update
 * as a second guard.
 */
import { randomUUID } from 'node:crypto';
import type { Envelope } from '@shop/events/envelope';
import type { Tx } from '../db/pool';
import { writeToOutbox } from '../events/outbox';
import { Charge } from './domain/charge';
import { Money } from './domain/money';
import { Payment, type PaymentStatus } from './domain/payment';
import type { PaymentEvent } from './domain/payment-events';
import { Refund } from './domain/refund';
import { toIntegrationEvent } from './payment-integration-events';

/** The advisory lock namespace (first key) of payment work; the second key is the order id's hash. */
const PAYMENT_LOCK_SPACE = 0x7061790a;

interface PaymentRow {
  order_id: string;
  id: string;
  status: Exclude<PaymentStatus, 'unseen'>;
  payment_method_id: string | null;
  amount: number | null;
  currency: string | null;
  charge_id: string | null;
  refund_id: string | null;
  card_last4: string | null;
  decline_reason: string | null;
  failure_reason: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  version: number;
}

/** The version each loaded payment had, for the optimistic check in `save`. */
const loadedVersion = new WeakMap<Payment, number>();

export async function lockPayment(tx: Tx, orderId: string): Promise<Payment> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [PAYMENT_LOCK_SPACE, orderId]);
  const { rows } = await tx.query<PaymentRow>('SELECT * FROM payments WHERE order_id = $1', [
    orderId,
  ]);
  const row = rows[0];
  if (!row) return Payment.unseen(randomUUID(), orderId);
  const payment = Payment.rehydrate(fromRow(row));
  loadedVersion.set(payment, row.version);
  return payment;
}

/** Writes the payment, the ledger entries and outbox rows of the events it recorded, caused by `cause`. */
export async function savePayment(tx: Tx, payment: Payment, cause: Envelope): Promise<void> {
  const events = payment.pullEvents();
  if (payment.status === 'unseen') return;
  await writeRow(tx, payment, events);
  for (const event of events) {
    await writeLedgerEntry(tx, event);
    await writeToOutbox(tx, toIntegrationEvent(event, cause));
  }
}

function fromRow(row: PaymentRow) {
  const money =
    row.amount !== null && row.currency !== null ? Money.of(row.amount, row.currency) : null;
  const charge =
    row.charge_id && money && row.card_last4
      ? row.status === 'declined'
        ? Charge.declined(row.charge_id, money, row.card_last4, row.decline_reason ?? 'declined')
        : Charge.approved(row.charge_id, money, row.card_last4)
      : null;
  return {
    id: row.id,
    orderId: row.order_id,
    status: row.status,
    order:
      money && row.payment_method_id
        ? { paymentMethodId: row.payment_method_id, amount: money }
        : null,
    charge,
    refund: row.refund_id && money ? Refund.of(row.refund_id, money) : null,
    cancellation:
      row.cancelled_at && row.cancel_reason
        ? { reason: row.cancel_reason, at: row.cancelled_at }
        : null,
    failure: row.failure_reason,
  };
}

async function writeRow(tx: Tx, payment: Payment, events: PaymentEvent[]): Promise<void> {
  const s = payment.snapshot();
  const chargedAt = events.find(
    (e) => e.type === 'PaymentCaptured' || e.type === 'PaymentDeclined',
  );
  const refundedAt = events.find((e) => e.type === 'PaymentRefunded');
  const values = [
    s.orderId,
    s.id,
    s.status,
    s.order?.paymentMethodId ?? null,
    s.order?.amount.amount ?? null,
    s.order?.amount.currency ?? null,
    s.charge?.id ?? null,
    s.refund?.id ?? null,
    s.charge?.cardLast4 ?? null,
    s.charge?.declineReason ?? null,
    s.failure,
    s.cancellation?.at ?? null,
    s.cancellation?.reason ?? null,
    chargedAt?.occurredAt ?? null,
    refundedAt?.occurredAt ?? null,
  ];
  const version = loadedVersion.get(payment);
  if (version === undefined) {
    await tx.query(
      `INSERT INTO payments (order_id, id, status, payment_method_id, amount, currency, charge_id,
         refund_id, card_last4, decline_reason, failure_reason, cancelled_at, cancel_reason,
         charged_at, refunded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      values,
    );
    loadedVersion.set(payment, 1);
    return;
  }
  const updated = await tx.query(
    `UPDATE payments SET status = $3, payment_method_id = $4, amount = $5, currency = $6,
       charge_id = $7, refund_id = $8, card_last4 = $9, decline_reason = $10, failure_reason = $11,
       cancelled_at = $12, cancel_reason = $13, charged_at = coalesce(charged_at, $14),
       refunded_at = coalesce(refunded_at, $15), updated_at = now(), version = version + 1
     WHERE order_id = $1 AND id = $2 AND version = $16`,
    [...values, version],
  );
  if (updated.rowCount !== 1)
    throw new Error(
      `The payment of order ${s.orderId} changed while it was being handled (version ${version}); the event will be retried`,
    );
  loadedVersion.set(payment, version + 1);
}

async function writeLedgerEntry(tx: Tx, event: PaymentEvent): Promise<void> {
  if (event.type !== 'PaymentCaptured' && event.type !== 'PaymentRefunded') return;
  const [kind, ref] =
    event.type === 'PaymentCaptured'
      ? ['charge', event.data.chargeId]
      : ['refund', event.data.refundId];
  await tx.query(
    `INSERT INTO ledger_entries (id, order_id, kind, amount, currency, processor_ref, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      randomUUID(),
      event.data.orderId,
      kind,
      event.data.amount,
      event.data.currency,
      ref,
      event.occurredAt,
    ],
  );
}
