import { describe, expect, it } from 'vitest';
import {
  clientAddress,
  defaultTrustedProxies,
  isAddressOrBlock,
  normalizeAddress,
  trustedProxyList,
} from './client-address';

const loopback = trustedProxyList(defaultTrustedProxies);

describe('clientAddress', () => {
  it('uses the peer and ignores X-Forwarded-For when the peer is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', loopback)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, loopback)).toBe('203.0.113.9');
  });

  it('believes the hop a trusted proxy appended, read from the right', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', loopback)).toBe('198.51.100.1');
    expect(clientAddress('::1', 'forged, 198.51.100.1', loopback)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:127.0.0.1', ['10.9.9.9', '198.51.100.1'], loopback)).toBe(
      '198.51.100.1',
    );
  });

  it('walks through every trusted proxy, and stops at junk', () => {
    const chain = trustedProxyList(['127.0.0.1', '10.0.0.0/8']);
    expect(clientAddress('127.0.0.1', '198.51.100.1, 10.1.2.3', chain)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '10.1.2.3', chain)).toBe('10.1.2.3');
    expect(clientAddress('127.0.0.1', 'not-an-ip', chain)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', undefined, chain)).toBe('127.0.0.1');
  });

  it('trusts nobody when the list is empty', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', trustedProxyList([]))).toBe('127.0.0.1');
  });

  it('has no address for in-process callers', () => {
    expect(clientAddress(undefined, '198.51.100.1', loopback)).toBeUndefined();
  });

  it('normalizes ports, brackets and IPv4-mapped IPv6', () => {
    expect(normalizeAddress('198.51.100.1:5555')).toBe('198.51.100.1');
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(normalizeAddress('unknown')).toBeUndefined();
  });

  it('accepts addresses and CIDR blocks only', () => {
    for (const ok of ['127.0.0.1', '::1', '10.0.0.0/8', 'fd00::/8'])
      expect(isAddressOrBlock(ok)).toBe(true);
    for (const bad of ['localhost', '10.0.0.0/33', '10.0.0.0/8/1', '1.2.3', ''])
      expect(isAddressOrBlock(bad)).toBe(false);
    expect(() => trustedProxyList(['web.internal'])).toThrow(/web.internal/);
  });
});
