/**
 * How one event becomes at most one e-mail, given that sending cannot join a database transaction.
 *
 * 1. **Record** (one transaction): claim the event in the inbox and decide. No e-mail → the inbox
 *    outcome says why, done. An e-mail → insert its `notifications` row, `pending`, with a
 *    Message-ID made from the event id, and commit. The promise to send is now durable.
 * 2. **Send** (a second transaction): lock the event's row; already `sent` → nothing to do; else
 *    send, then mark it `sent` and record the outcome. A send that fails counts the attempt, keeps
 *    the error on the row, commits that, and throws, so BullMQ retries the job with back-off.
 *
 * A delivery of an event whose claim exists skips step 1 and runs step 2, so a retry, a stalled
 * job handed out again or a replayed dead letter sends a pending e-mail and does nothing for a
 * sent one. Two deliveries at once take turns on the row lock: one sends, the other finds it sent.
 *
 * The guarantee is **at least once**, not exactly once: if the process dies after the server
 * accepted the message and before `sent` commits, the next delivery sends it again — with the same
 * Message-ID, Date and body, so mail clients can show it once. The alternative (mark sent, then
 * send) would lose that e-mail instead; a duplicate confirmation is the lesser harm.
 */
import { randomUUID } from 'node:crypto';
import type { Envelope } from '@shop/events/envelope';
import { inTransaction, type Tx } from '../db/pool';
import { claimEvent, recordOutcome } from '../events/inbox';
import type { RenderedMessage } from './message-layout';
import { notificationsConsumer, type NotificationDeps } from './notification-deps';
import {
  inboxOutcome,
  lockByEvent,
  markSent,
  recordPending,
  recordSendFailure,
  type NotificationKind,
  type Recipient,
} from './notification-log';

/** What an event calls for: no e-mail (and why), or one e-mail of a kind to someone. */
export type Plan =
  | { email: false; outcome: string }
  | {
      email: true;
      kind: NotificationKind;
      orderId: string;
      /** Runs in the recording transaction; throw to have the delivery retried later. */
      recipient: (tx: Tx) => Promise<Recipient>;
      /** Pure: called again on every try, so each try sends the same text. */
      compose: (recipientName: string) => RenderedMessage;
    };

export async function notify(
  deps: NotificationDeps,
  envelope: Envelope,
  plan: Plan,
): Promise<string> {
  const recorded = await inTransaction(deps.pool, (tx) => record(tx, deps, envelope, plan));
  if (recorded.done) return recorded.outcome;
  return plan.email ? send(deps, envelope, plan.compose) : alreadyHandled(deps, envelope);
}

type Recorded = { done: true; outcome: string } | { done: false };

async function record(
  tx: Tx,
  deps: NotificationDeps,
  envelope: Envelope,
  plan: Plan,
): Promise<Recorded> {
  if (!(await claimEvent(tx, notificationsConsumer, envelope))) return { done: false };
  if (!plan.email) {
    await recordOutcome(tx, notificationsConsumer, envelope, plan.outcome);
    return { done: true, outcome: plan.outcome };
  }
  const recipient = await plan.recipient(tx);
  const messageId = deps.mailer.messageId(`${plan.kind}.${envelope.id}`);
  const promised = await recordPending(tx, {
    id: randomUUID(),
    eventId: envelope.id,
    orderId: plan.orderId,
    kind: plan.kind,
    recipient,
    subject: plan.compose(recipient.name).subject,
    messageId,
  });
  const outcome = promised
    ? `pending: ${plan.kind} e-mail ${messageId}`
    : `no e-mail: order ${plan.orderId} has its ${plan.kind} e-mail from another event already`;
  await recordOutcome(tx, notificationsConsumer, envelope, outcome);
  return promised ? { done: false } : { done: true, outcome };
}

async function send(
  deps: NotificationDeps,
  envelope: Envelope,
  compose: (recipientName: string) => RenderedMessage,
): Promise<string> {
  let failure: { kind: NotificationKind; orderId: string; error: string } | undefined;
  const outcome = await inTransaction(deps.pool, async (tx) => {
    const row = await lockByEvent(tx, envelope.id);
    if (!row) return alreadyHandledIn(tx, envelope);
    if (row.status === 'sent') return `duplicate: ${row.kind} e-mail ${row.messageId} sent already`;
    let ref: string;
    try {
      ({ ref } = await deps.mailer.send({
        messageId: row.messageId,
        to: row.recipient,
        date: row.createdAt,
        ...compose(row.recipient.name),
      }));
    } catch (error) {
      failure = { kind: row.kind, orderId: row.orderId, error: messageOf(error) };
      await recordSendFailure(tx, row.id, failure.error);
      return '';
    }
    await markSent(tx, row.id, ref);
    const tries = row.sendAttempts > 0 ? ` (try ${row.sendAttempts + 1})` : '';
    const sent = `sent: ${row.kind} e-mail ${row.messageId}${tries}`;
    await recordOutcome(tx, notificationsConsumer, envelope, sent);
    deps.log.info(
      { eventId: envelope.id, orderId: row.orderId, kind: row.kind, messageId: row.messageId, ref },
      'e-mail sent',
    );
    return sent;
  });
  if (failure)
    throw new Error(
      `the ${failure.kind} e-mail for order ${failure.orderId} could not be sent (${failure.error}); it stays pending and the next delivery sends it`,
    );
  return outcome;
}

function alreadyHandled(deps: NotificationDeps, envelope: Envelope): Promise<string> {
  return inTransaction(deps.pool, (tx) => alreadyHandledIn(tx, envelope));
}

async function alreadyHandledIn(tx: Tx, envelope: Envelope): Promise<string> {
  const outcome = await inboxOutcome(tx, notificationsConsumer, envelope.id);
  return `duplicate: handled already (${outcome ?? 'no outcome recorded'})`;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
