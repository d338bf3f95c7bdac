/**
 * The notifications consumer against a real worker database and real mail output: nodemailer's
 * `.eml` files in a temporary folder, or SMTP to a port that is closed and then to the test sink
 * listening on it. Each event once, twice, twice at once, and after a failed send: one e-mail each
 * time, and an inbox outcome that says what happened.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentBusLog } from '@shop/event-bus/log';
import { eventsFor } from '@shop/events/catalogue';
import { envelopeFor, type Envelope } from '@shop/events/envelope';
import { OrderCancelled, OrderPaid } from '@shop/events/ordering';
import { PaymentRefunded } from '@shop/events/payment';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { parseEml, readEmlFolder } from '../../test/eml';
import { freePort, startSmtpSink, type SmtpSink } from '../../test/smtp-sink';
import { notificationHandlers, paymentFailedOutcome } from './handlers';
import { createMailer, type Mailer } from './mailer';

let db: TestDatabase;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  db = await createTestDatabase('notifications');
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await db?.drop();
});

const from = 'Shop <orders@shop.test>';

/** Handlers writing `.eml` files to a fresh folder, and that folder. */
async function withMailFolder() {
  const dir = await mkdtemp(path.join(tmpdir(), 'shop-notifications-'));
  const mailer = createMailer({ mailDir: dir, from });
  cleanups.push(
    () => mailer.close(),
    () => rm(dir, { recursive: true, force: true }),
  );
  return { dir, handlers: handlersWith(mailer) };
}

function handlersWith(mailer: Mailer) {
  return notificationHandlers({ pool: db.pool, mailer, log: silentBusLog });
}

const delivery = (attempt = 1) => ({ attempt, jobId: 'job' });
const context = (orderId: string) => ({ aggregateId: orderId, correlationId: orderId });

function paid(orderId: string) {
  return envelopeFor(
    OrderPaid,
    {
      orderId,
      customerId: 'usr_1',
      email: 'kim@example.com',
      customerName: 'Kim Minsu',
      amount: 35_000,
      currency: 'KRW',
      lines: [
        { productId: 'prd_1', name: 'Jeju green tea', quantity: 2, unitPrice: 11_500 },
        { productId: 'prd_2', name: 'Celadon cup', quantity: 1, unitPrice: 12_000 },
      ],
      paidAt: new Date().toISOString(),
    },
    context(orderId),
  );
}

function cancelled(
  orderId: string,
  reason: 'customer' | 'expired' | 'payment-failed',
  refundDue: boolean,
) {
  return envelopeFor(
    OrderCancelled,
    {
      orderId,
      customerId: 'usr_1',
      email: 'kim@example.com',
      customerName: 'Kim Minsu',
      reason,
      refundDue,
      cancelledAt: new Date().toISOString(),
    },
    context(orderId),
  );
}

function refunded(orderId: string) {
  return envelopeFor(
    PaymentRefunded,
    {
      orderId,
      paymentId: randomUUID(),
      refundId: 're_0123456789abcdef',
      amount: 35_000,
      currency: 'KRW',
      reason: 'order cancelled (customer)',
      refundedAt: new Date().toISOString(),
    },
    context(orderId),
  );
}

const orderId = () => `ord_${randomUUID().slice(0, 8)}`;

async function rowsOf(order: string) {
  const { rows } = await db.pool.query<{
    kind: string;
    status: string;
    recipient: string;
    message_id: string;
    send_attempts: number;
    last_error: string | null;
    sent_at: Date | null;
  }>(
    'SELECT kind, status, recipient, message_id, send_attempts, last_error, sent_at FROM notifications WHERE order_id = $1 ORDER BY created_at',
    [order],
  );
  return rows;
}

async function outcomeOf(envelope: Envelope) {
  const { rows } = await db.pool.query<{ outcome: string | null }>(
    `SELECT outcome FROM inbox WHERE consumer = 'notifications' AND event_id = $1`,
    [envelope.id],
  );
  return rows[0]?.outcome;
}

describe('notificationHandlers', () => {
  it('handles exactly the events the catalogue sends to notifications', async () => {
    const { handlers } = await withMailFolder();
    expect(Object.keys(handlers).sort()).toEqual(
      eventsFor('notifications')
        .map((event) => event.name)
        .sort(),
    );
  });
});

describe('ordering.OrderPaid → the order confirmation', () => {
  it('is sent once when the event is delivered twice', async () => {
    const { dir, handlers } = await withMailFolder();
    const order = orderId();
    const event = paid(order);

    const first = await handlers['ordering.OrderPaid'](event, delivery());
    const second = await handlers['ordering.OrderPaid'](event, delivery(2));

    expect(first).toMatch(
      /^sent: order-confirmation e-mail <order-confirmation\.[0-9a-f-]+@shop\.test>$/,
    );
    expect(second).toMatch(/^duplicate: order-confirmation e-mail .* sent already$/);
    expect(await readEmlFolder(dir)).toHaveLength(1);
    const rows = await rowsOf(order);
    expect(rows).toMatchObject([
      {
        kind: 'order-confirmation',
        status: 'sent',
        recipient: 'kim@example.com',
        send_attempts: 1,
      },
    ]);
    expect(rows[0]?.message_id).toBe(`<order-confirmation.${event.id}@shop.test>`);
    expect(await outcomeOf(event)).toBe(first);
  });

  it('is sent once when the event is delivered twice at once', async () => {
    const { dir, handlers } = await withMailFolder();
    const order = orderId();
    const event = paid(order);

    const outcomes = await Promise.all([
      handlers['ordering.OrderPaid'](event, delivery()),
      handlers['ordering.OrderPaid'](event, delivery()),
    ]);

    expect(outcomes.filter((o) => o.startsWith('sent:'))).toHaveLength(1);
    expect(outcomes.filter((o) => o.startsWith('duplicate:'))).toHaveLength(1);
    expect(await readEmlFolder(dir)).toHaveLength(1);
    expect(await rowsOf(order)).toMatchObject([{ status: 'sent', send_attempts: 1 }]);
  });

  it('reads as a confirmation: order id, lines, total and the shopper’s name, nothing undefined', async () => {
    const { dir, handlers } = await withMailFolder();
    const order = orderId();
    const event = paid(order);
    await handlers['ordering.OrderPaid'](event, delivery());

    const [message] = await readEmlFolder(dir);
    expect(message?.headers.get('to')).toBe('Kim Minsu <kim@example.com>');
    expect(message?.headers.get('from')).toBe(from);
    expect(message?.headers.get('subject')).toBe(`Your order ${order} is confirmed`);
    expect(message?.headers.get('message-id')).toBe(`<order-confirmation.${event.id}@shop.test>`);
    for (const body of [message?.text ?? '', message?.html ?? '']) {
      expect(body).toContain(order);
      expect(body).toContain('Kim Minsu');
      expect(body).toContain('₩35,000');
      expect(body).toContain('Jeju green tea');
      expect(body).toContain('Celadon cup');
    }
    expect(message?.raw).not.toMatch(/undefined|null|NaN|\[object/);
    expect(message?.text).not.toMatch(/undefined|null|NaN|\[object/);
  });
});

describe('ordering.OrderCancelled → the cancellation e-mail', () => {
  it('is sent when the shopper cancelled, saying the money goes back', async () => {
    const { dir, handlers } = await withMailFolder();
    const order = orderId();
    const event = cancelled(order, 'customer', true);

    expect(await handlers['ordering.OrderCancelled'](event, delivery())).toMatch(
      /^sent: order-cancellation e-mail /,
    );

    const [message] = await readEmlFolder(dir);
    expect(message?.headers.get('subject')).toBe(`Your order ${order} was cancelled`);
    expect(message?.text).toContain('As you asked, we cancelled your order.');
    expect(message?.text).toContain('the payment goes back to your card in full');
    expect(await rowsOf(order)).toMatchObject([{ kind: 'order-cancellation', status: 'sent' }]);
  });

  it('is sent when the reservation expired, saying no refund is due', async () => {
    const { dir, handlers } = await withMailFolder();
    await handlers['ordering.OrderCancelled'](cancelled(orderId(), 'expired', false), delivery());

    const [message] = await readEmlFolder(dir);
    expect(message?.text).toContain('not paid within the time we held its items');
    expect(message?.text).toContain('no refund is due');
  });

  it('is not sent when the payment failed, and the inbox says why — on every delivery', async () => {
    const { dir, handlers } = await withMailFolder();
    const order = orderId();
    const event = cancelled(order, 'payment-failed', false);

    expect(await handlers['ordering.OrderCancelled'](event, delivery())).toBe(paymentFailedOutcome);
    expect(await handlers['ordering.OrderCancelled'](event, delivery(2))).toBe(
      `duplicate: handled already (${paymentFailedOutcome})`,
    );

    expect(await readEmlFolder(dir)).toEqual([]);
    expect(await rowsOf(order)).toEqual([]);
    expect(await outcomeOf(event)).toBe(paymentFailedOutcome);
  });
});

describe('payment.PaymentRefunded → the refund confirmation', () => {
  it('goes to whom the order’s cancellation went, once', async () => {
    const { dir, handlers } = await withMailFolder();
    const order = orderId();
    await handlers['ordering.OrderCancelled'](cancelled(order, 'customer', true), delivery());
    const event = refunded(order);

    await handlers['payment.PaymentRefunded'](event, delivery());
    await handlers['payment.PaymentRefunded'](event, delivery(2));

    const refunds = (await readEmlFolder(dir)).filter((m) =>
      m.headers.get('subject')?.startsWith('Refund'),
    );
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.headers.get('to')).toBe('Kim Minsu <kim@example.com>');
    expect(refunds[0]?.text).toContain('Hello Kim Minsu,');
    expect(refunds[0]?.text).toContain(`We have refunded ₩35,000 for order ${order}`);
    expect(refunds[0]?.text).toContain('Refund reference: re_0123456789abcdef');
  });

  it('arriving before any address is known, fails without a trace and succeeds once one is', async () => {
    const { dir, handlers } = await withMailFolder();
    const order = orderId();
    const event = refunded(order);

    await expect(handlers['payment.PaymentRefunded'](event, delivery())).rejects.toThrow(
      `no address known for order ${order} yet`,
    );
    expect(await outcomeOf(event)).toBeUndefined();

    await handlers['ordering.OrderCancelled'](cancelled(order, 'customer', true), delivery());
    expect(await handlers['payment.PaymentRefunded'](event, delivery(2))).toMatch(
      /^sent: refund-confirmation e-mail /,
    );
    expect(await readEmlFolder(dir)).toHaveLength(2);
  });
});

describe('a mail server that is down', () => {
  it('fails the delivery and keeps the e-mail pending; a later delivery sends it, once', async () => {
    const port = await freePort();
    const smtpUrl = `smtp://127.0.0.1:${port}`;
    const mailer = createMailer({ smtpUrl, mailDir: 'unused', from });
    cleanups.push(() => mailer.close());
    const handlers = handlersWith(mailer);
    const order = orderId();
    const event = paid(order);

    await expect(handlers['ordering.OrderPaid'](event, delivery())).rejects.toThrow(
      /the order-confirmation e-mail for order .* could not be sent \(.*ECONNREFUSED.*\); it stays pending/,
    );
    const [pending] = await rowsOf(order);
    expect(pending).toMatchObject({ status: 'pending', send_attempts: 1, sent_at: null });
    expect(pending?.last_error).toMatch(/ECONNREFUSED/);
    expect(await outcomeOf(event)).toBe(
      `pending: order-confirmation e-mail ${pending?.message_id}`,
    );

    const sink: SmtpSink = await startSmtpSink(port);
    cleanups.push(() => sink.close());
    const outcome = await handlers['ordering.OrderPaid'](event, delivery(2));
    await handlers['ordering.OrderPaid'](event, delivery(3));

    expect(outcome).toBe(`sent: order-confirmation e-mail ${pending?.message_id} (try 2)`);
    expect(sink.messages).toHaveLength(1);
    expect(parseEml(sink.messages[0]!).headers.get('message-id')).toBe(pending?.message_id);
    expect(await rowsOf(order)).toMatchObject([
      { status: 'sent', send_attempts: 2, last_error: null },
    ]);
  });
});
