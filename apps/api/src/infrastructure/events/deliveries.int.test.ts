/**
 * The journey's broker reads give up quickly when Redis is away (BullMQ alone would wait for the
 * connection forever), so the back office still gets the journey from the database.
 */
import { describe, expect, it } from 'vitest';
import { createDeliveries } from './deliveries';

describe('createDeliveries', () => {
  it('rejects within seconds, with a reason, when Redis is unreachable, and still closes', async () => {
    const deliveries = createDeliveries({ redisUrl: 'redis://127.0.0.1:1', prefix: 'journey-x' });
    const started = Date.now();
    await expect(
      deliveries.find('payment', '00000000-0000-4000-8000-000000000000'),
    ).rejects.toThrow(/Redis (did not answer|is unreachable)/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(
      deliveries.find('ordering', '00000000-0000-4000-8000-000000000000'),
    ).rejects.toThrow(/Redis/);
    await deliveries.close();
  });
});
