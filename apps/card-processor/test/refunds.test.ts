import { describe, expect, it } from 'vitest';
import { testCards } from '../src/server';
import { charge, errorCode, errorMessage, post, tokenize, useProcessor } from './client';

const processor = useProcessor();

async function approvedCharge(key: string): Promise<string> {
  const pm = await tokenize(processor(), testCards.approved);
  return ((await charge(processor(), pm, key)).body as { id: string }).id;
}

const refund = (chargeId: string, idempotencyKey: string) =>
  post(processor(), '/v1/refunds', { chargeId }, { idempotencyKey });

describe('POST /v1/refunds', () => {
  it('refunds an approved charge in full, once per key', async () => {
    const chargeId = await approvedCharge('charge:r1');
    const first = await refund(chargeId, 'refund:r1');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^re_[0-9a-f]{24}$/) as string,
      chargeId,
      amount: 12900,
      status: 'succeeded',
    });
    const replay = await refund(chargeId, 'refund:r1');
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(
      processor()
        .refunds()
        .filter((r) => r.chargeId === chargeId),
    ).toHaveLength(1);
  });

  it('refuses a second refund of the same charge under another key (409 already_refunded)', async () => {
    const chargeId = await approvedCharge('charge:r2');
    const first = await refund(chargeId, 'refund:r2');
    const second = await refund(chargeId, 'refund:r2-again');
    expect(second.status).toBe(409);
    expect(errorCode(second)).toBe('already_refunded');
    expect(errorMessage(second)).toContain((first.body as { id: string }).id);
  });

  it('refunds once when two keys race for the same charge', async () => {
    const chargeId = await approvedCharge('charge:r3');
    const answers = await Promise.all([
      refund(chargeId, 'refund:r3-a'),
      refund(chargeId, 'refund:r3-b'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(
      processor()
        .refunds()
        .filter((r) => r.chargeId === chargeId),
    ).toHaveLength(1);
  });

  it('refuses to refund a declined charge (409)', async () => {
    const pm = await tokenize(processor(), testCards.declined);
    const declined = await charge(processor(), pm, 'charge:r4');
    const answer = await refund((declined.body as { id: string }).id, 'refund:r4');
    expect(answer.status).toBe(409);
    expect(errorCode(answer)).toBe('charge_not_refundable');
  });

  it('answers 404 for a charge it does not know', async () => {
    const answer = await refund(`ch_${'0'.repeat(24)}`, 'refund:r5');
    expect(answer.status).toBe(404);
    expect(errorCode(answer)).toBe('charge_not_found');
  });

  it('refuses a refund key already used for a charge', async () => {
    const chargeId = await approvedCharge('charge:r6');
    const answer = await refund(chargeId, 'charge:r6');
    expect(answer.status).toBe(409);
    expect(errorCode(answer)).toBe('idempotency_key_reused');
  });
});
