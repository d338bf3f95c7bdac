import { describe, expect, it } from 'vitest';
import { startCardProcessor, testCards, type Decision } from '../src/server';
import { charge, errorCode, tokenize, useProcessor } from './client';

const processor = useProcessor();

/** A promise the test settles by hand. */
function gate<T>() {
  let open!: (value: T) => void;
  const opened = new Promise<T>((resolve) => (open = resolve));
  return { open, opened };
}

describe('scripted decisions', () => {
  it('holds a charge until the test releases it', async () => {
    const pm = await tokenize(processor(), testCards.approved);
    const asked = gate<string>();
    const release = gate<Decision>();
    processor().setDecider(pm, (cardNumber) => {
      asked.open(cardNumber);
      return release.opened;
    });
    let answered = false;
    const pending = charge(processor(), pm, 'charge:held').then((answer) => {
      answered = true;
      return answer;
    });
    expect(await asked.opened).toBe(testCards.approved);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    expect(
      processor()
        .charges()
        .filter((c) => c.paymentMethodId === pm),
    ).toEqual([]);

    release.open({ outcome: 'DECLINED', cardLast4: '4242' });
    expect((await pending).body).toMatchObject({ status: 'declined', last4: '4242' });
  });

  it('scripts one payment method and leaves the others to the test cards', async () => {
    const scripted = await tokenize(processor(), testCards.approved);
    const other = await tokenize(processor(), testCards.approved);
    processor().setDecider(scripted, () => ({ outcome: 'DECLINED', cardLast4: '4242' }));
    expect((await charge(processor(), scripted, 'charge:s1')).body).toMatchObject({
      status: 'declined',
    });
    expect((await charge(processor(), other, 'charge:s2')).body).toMatchObject({
      status: 'approved',
    });
    processor().clearDecider(scripted);
    expect((await charge(processor(), scripted, 'charge:s3')).body).toMatchObject({
      status: 'approved',
    });
  });

  it('answers 503 when a script fails, and lets the same key be retried', async () => {
    const pm = await tokenize(processor(), testCards.approved);
    processor().setDecider(pm, () => Promise.reject(new Error('network partition')));
    const failed = await charge(processor(), pm, 'charge:outage');
    expect(failed.status).toBe(503);
    expect(errorCode(failed)).toBe('processor_unavailable');
    processor().clearDecider(pm);
    expect((await charge(processor(), pm, 'charge:outage')).body).toMatchObject({
      status: 'approved',
    });
  });

  it('takes a decider for every charge at start, told the payment method', async () => {
    const seen: string[] = [];
    const custom = await startCardProcessor({
      decide: (cardNumber, paymentMethodId) => {
        seen.push(paymentMethodId);
        return { outcome: 'DECLINED', cardLast4: cardNumber.slice(-4) };
      },
    });
    try {
      const pm = await tokenize(custom, testCards.approved);
      expect((await charge(custom, pm, 'charge:custom')).body).toMatchObject({
        status: 'declined',
      });
      expect(seen).toEqual([pm]);
    } finally {
      await custom.close();
    }
  });
});
