import { describe, expect, it } from 'vitest';
import {
  Session,
  candidateTokens,
  chooseSession,
  refreshBefore,
  sessionMaxAgeSeconds,
} from './session';

const now = new Date('2025-06-01T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);

function session(id: string, accountId: string, lastUsedHoursAgo = 0): Session {
  return Session.rehydrate({
    id,
    accountId,
    tokenHash: `hash-${id}`,
    expiresAt: new Date(now.getTime() + 3600_000),
    lastUsedAt: hoursAgo(lastUsedHoursAgo),
  });
}

describe('a session’s lifetime', () => {
  it('starts now and ends after 30 days', () => {
    const opened = Session.open({ id: 's', accountId: 'u1', tokenHash: 'h', at: now });
    expect(opened.lastUsedAt).toEqual(now);
    expect(opened.expiresAt.getTime() - now.getTime()).toBe(sessionMaxAgeSeconds * 1000);
  });

  it('ends at its expiry, or after the idle days without use', () => {
    const at = (expiresAt: Date, lastUsedAt: Date) =>
      Session.rehydrate({ id: 's', accountId: 'u', tokenHash: 'h', expiresAt, lastUsedAt });
    const soon = new Date(now.getTime() + 1);
    expect(at(soon, hoursAgo(6 * 24)).isLive(now, 7)).toBe(true);
    expect(at(now, hoursAgo(6 * 24)).isLive(now, 7)).toBe(false);
    expect(at(soon, hoursAgo(7 * 24 + 1)).isLive(now, 7)).toBe(false);
    expect(at(soon, hoursAgo(2)).isLive(now, 1 / 24)).toBe(false);
  });

  it('records a use at most about once an hour', () => {
    const recent = session('a', 'u1', 0.5);
    expect(recent.touch(now)).toBe(false);
    expect(recent.lastUsedAt).toEqual(hoursAgo(0.5));
    const stale = session('b', 'u1', 1.5);
    expect(stale.touch(now)).toBe(true);
    expect(stale.lastUsedAt).toEqual(now);
    expect(refreshBefore(now)).toEqual(hoursAgo(1));
  });
});

describe('which presented session is believed', () => {
  it('looks up each token once, and only the first four', () => {
    expect(candidateTokens(['a', 'b', 'a', 'c', 'd', 'e'])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('takes the earliest presented live session and sets the dead aside', () => {
    const dead = session('old', 'u1', 8 * 24);
    const later = session('later', 'u1');
    const earlier = session('earlier', 'u1');
    const order = ['hash-old', 'hash-earlier', 'hash-later'];
    expect(chooseSession([later, dead, earlier], order, now, 7)).toEqual({
      dead: [dead],
      chosen: earlier,
      conflict: false,
    });
  });

  it('believes none when live sessions of two accounts come together', () => {
    const choice = chooseSession([session('a', 'u1'), session('b', 'u2')], [], now, 7);
    expect(choice).toMatchObject({ chosen: null, conflict: true });
  });

  it('is nothing, without conflict, when no live session was found', () => {
    expect(chooseSession([], ['x'], now, 7)).toEqual({ dead: [], chosen: null, conflict: false });
  });
});
