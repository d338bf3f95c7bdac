import { describe, expect, it } from 'vitest';
import {
  candidateTokens,
  chooseSession,
  freshSessionTimes,
  isLive,
  needsRefresh,
  sessionMaxAgeSeconds,
} from './session-policy';

const now = new Date('2025-06-01T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);
const user = (id: string) => ({
  id,
  name: id,
  email: `${id}@shop.test`,
  role: 'CUSTOMER' as const,
});

function session(id: string, userId: string, lastUsedHoursAgo = 0) {
  return {
    id,
    tokenHash: `hash-${id}`,
    expiresAt: new Date(now.getTime() + 3600_000),
    lastUsedAt: hoursAgo(lastUsedHoursAgo),
    user: user(userId),
  };
}

describe('a session’s lifetime', () => {
  it('starts now and ends after 30 days', () => {
    const times = freshSessionTimes(now);
    expect(times.lastUsedAt).toEqual(now);
    expect(times.expiresAt.getTime() - now.getTime()).toBe(sessionMaxAgeSeconds * 1000);
  });

  it('ends at its expiry, or after the idle days without use', () => {
    const live = { expiresAt: new Date(now.getTime() + 1), lastUsedAt: hoursAgo(6 * 24) };
    expect(isLive(live, now, 7)).toBe(true);
    expect(isLive({ ...live, expiresAt: now }, now, 7)).toBe(false);
    expect(isLive({ ...live, lastUsedAt: hoursAgo(7 * 24 + 1) }, now, 7)).toBe(false);
    expect(isLive({ ...live, lastUsedAt: hoursAgo(2) }, now, 1 / 24)).toBe(false);
  });

  it('records a use at most about once an hour', () => {
    expect(needsRefresh(hoursAgo(0.5), now)).toBe(false);
    expect(needsRefresh(hoursAgo(1.5), now)).toBe(true);
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
