/**
 * The `notifications` table: one row per e-mail the shop promised to send, at most one of each
 * kind per order and one per event. A row starts `pending` (written with the inbox claim) and
 * becomes `sent` once the transport accepted it; failed tries count in `send_attempts` with the
 * last error kept, so a stuck e-mail is visible and explained.
 */
import type { Tx } from '../db/pool';

export type NotificationKind = 'order-confirmation' | 'order-cancellation' | 'refund-confirmation';

export interface Recipient {
  address: string;
  name: string;
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  orderId: string;
  recipient: Recipient;
  messageId: string;
  status: 'pending' | 'sent';
  createdAt: Date;
  sendAttempts: number;
}

export interface PendingNotification {
  id: string;
  eventId: string;
  orderId: string;
  kind: NotificationKind;
  recipient: Recipient;
  subject: string;
  messageId: string;
}

/** False when the order has its e-mail of this kind already (promised by another event). */
export async function recordPending(tx: Tx, n: PendingNotification): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO notifications (id, event_id, order_id, kind, recipient, recipient_name, subject, message_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (order_id, kind) DO NOTHING RETURNING id`,
    [
      n.id,
      n.eventId,
      n.orderId,
      n.kind,
      n.recipient.address,
      n.recipient.name,
      n.subject,
      n.messageId,
    ],
  );
  return inserted.rowCount === 1;
}

/** The event's e-mail, locked until the transaction ends: concurrent deliveries take turns. */
export async function lockByEvent(tx: Tx, eventId: string): Promise<NotificationRow | undefined> {
  const { rows } = await tx.query<{
    id: string;
    kind: NotificationKind;
    order_id: string;
    recipient: string;
    recipient_name: string;
    message_id: string;
    status: 'pending' | 'sent';
    created_at: Date;
    send_attempts: number;
  }>(
    `SELECT id, kind, order_id, recipient, recipient_name, message_id, status, created_at, send_attempts
       FROM notifications WHERE event_id = $1 FOR UPDATE`,
    [eventId],
  );
  const row = rows[0];
  return (
    row && {
      id: row.id,
      kind: row.kind,
      orderId: row.order_id,
      recipient: { address: row.recipient, name: row.recipient_name },
      messageId: row.message_id,
      status: row.status,
      createdAt: row.created_at,
      sendAttempts: row.send_attempts,
    }
  );
}

export async function markSent(tx: Tx, id: string, transportRef: string): Promise<void> {
  await tx.query(
    `UPDATE notifications SET status = 'sent', sent_at = now(), transport_ref = $2,
       send_attempts = send_attempts + 1, last_error = NULL WHERE id = $1`,
    [id, transportRef],
  );
}

export async function recordSendFailure(tx: Tx, id: string, error: string): Promise<void> {
  await tx.query(
    'UPDATE notifications SET send_attempts = send_attempts + 1, last_error = $2 WHERE id = $1',
    [id, error.slice(0, 500)],
  );
}

/** Whom the order's earlier e-mails went to (events without contact details, e.g. a refund). */
export async function recipientOf(tx: Tx, orderId: string): Promise<Recipient | undefined> {
  const { rows } = await tx.query<{ recipient: string; recipient_name: string }>(
    'SELECT recipient, recipient_name FROM notifications WHERE order_id = $1 ORDER BY created_at LIMIT 1',
    [orderId],
  );
  const row = rows[0];
  return row && { address: row.recipient, name: row.recipient_name };
}

/** The one-line outcome a consumer recorded for an event, if it handled it. */
export async function inboxOutcome(
  tx: Tx,
  consumer: string,
  eventId: string,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ outcome: string | null }>(
    'SELECT outcome FROM inbox WHERE consumer = $1 AND event_id = $2',
    [consumer, eventId],
  );
  return rows[0]?.outcome ?? undefined;
}
