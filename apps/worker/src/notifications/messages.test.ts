import { describe, expect, it } from 'vitest';
import { cancelReasons } from '@shop/events/ordering';
import { orderCancellation, orderConfirmation, refundConfirmation } from './messages';

const paid = {
  orderId: 'ord_7',
  customerId: 'usr_1',
  email: 'kim@example.com',
  customerName: 'Kim <Minsu> & co',
  amount: 35_000,
  currency: 'KRW',
  lines: [
    { productId: 'prd_1', name: 'Tea "Jeju" tin', quantity: 2, unitPrice: 11_500 },
    { productId: 'prd_2', name: 'Cup', quantity: 1, unitPrice: 12_000 },
  ],
  paidAt: '2030-01-02T03:04:05.000Z',
};

const cancelled = {
  orderId: 'ord_7',
  customerId: 'usr_1',
  email: 'kim@example.com',
  customerName: 'Kim',
  reason: 'customer' as const,
  refundDue: true,
  cancelledAt: '2030-01-02T03:04:05.000Z',
};

describe('orderConfirmation', () => {
  it('lists each line and the total in the shop’s money format, in both bodies', () => {
    const message = orderConfirmation(paid);
    expect(message.subject).toBe('Your order ord_7 is confirmed');
    for (const body of [message.text, message.html]) {
      expect(body).toContain('ord_7');
      expect(body).toContain('₩35,000');
      expect(body).toContain('₩23,000');
      expect(body).toContain('Cup');
    }
    expect(message.text).toContain('Hello Kim <Minsu> & co,');
    expect(message.text).toMatch(/2 × Tea "Jeju" tin \(₩11,500 each\)\s+₩23,000/);
    expect(message.text).toMatch(/Total\s+₩35,000/);
    expect(message.text).toContain('Paid: 2 Jan 2030, 03:04 UTC');
  });

  it('escapes what people typed in the HTML body', () => {
    const { html } = orderConfirmation(paid);
    expect(html).toContain('Hello Kim &lt;Minsu&gt; &amp; co,');
    expect(html).toContain('Tea &quot;Jeju&quot; tin');
    expect(html).not.toContain('<Minsu>');
  });
});

describe('orderCancellation', () => {
  it('says why the order was cancelled and whether money goes back', () => {
    const refunded = orderCancellation(cancelled);
    expect(refunded.subject).toBe('Your order ord_7 was cancelled');
    expect(refunded.text).toContain('As you asked, we cancelled your order.');
    expect(refunded.text).toContain('the payment goes back to your card in full');

    const expired = orderCancellation({ ...cancelled, reason: 'expired', refundDue: false });
    expect(expired.text).toContain('not paid within the time we held its items');
    expect(expired.text).toContain('no refund is due');
  });

  it('has words for every cancellation reason but the failed payment', () => {
    for (const reason of cancelReasons.filter((r) => r !== 'payment-failed'))
      expect(orderCancellation({ ...cancelled, reason }).text).not.toContain('undefined');
  });
});

describe('refundConfirmation', () => {
  it('names the amount, the order and the processor’s refund reference', () => {
    const message = refundConfirmation(
      {
        orderId: 'ord_7',
        paymentId: 'pay_1',
        refundId: 're_9',
        amount: 35_000,
        currency: 'KRW',
        reason: 'order cancelled (customer)',
        refundedAt: '2030-01-02T03:04:05.000Z',
      },
      'Kim',
    );
    expect(message.subject).toBe('Refund of ₩35,000 for order ord_7');
    expect(message.text).toContain('Hello Kim,');
    expect(message.text).toContain('Refund reference: re_9');
  });
});
