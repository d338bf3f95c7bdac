import { describe, expect, it } from 'vitest';
import { reservationCutoff } from './reservation';

describe('reservationCutoff', () => {
  it('is the limit before now: orders placed earlier have expired', () => {
    const now = new Date('2026-01-01T12:15:00Z');
    expect(reservationCutoff(now, 15 * 60_000)).toEqual(new Date('2026-01-01T12:00:00Z'));
  });
});
