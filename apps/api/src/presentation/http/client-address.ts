/**
 * The client's address for per-address limits. `X-Forwarded-For` is believed only when the
 * connection comes from a trusted proxy (TRUSTED_PROXIES; loopback by default, where the web server
 * runs), and then read from the right: each trusted hop vouches for the address to its left, and the
 * first address that is not a trusted proxy is the client. Anyone else's X-Forwarded-For is ignored.
 */
import { BlockList, isIP } from 'node:net';

export const defaultTrustedProxies = ['127.0.0.0/8', '::1'];

/** A plain address (`10.0.0.7`, `::1`) or a CIDR block (`10.0.0.0/8`, `fd00::/8`). */
export function isAddressOrBlock(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    if (!isAddressOrBlock(entry)) throw new Error(`not an IP address or CIDR block: "${entry}"`);
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** `::ffff:127.0.0.1` → `127.0.0.1`; `[::1]:443` / `1.2.3.4:80` → the address; junk → undefined. */
export function normalizeAddress(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  return isIP(address) === 0 ? undefined : address.toLowerCase();
}

function isTrusted(address: string, trusted: BlockList): boolean {
  return trusted.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: BlockList,
): string | undefined {
  let client = normalizeAddress(peer);
  if (!client) return undefined;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (isTrusted(client, trusted)) {
    const hop = hops.pop();
    if (hop === undefined) break;
    const address = normalizeAddress(hop);
    // A hop that is not an address cannot be believed; the last proxy we trust is the answer.
    if (!address) break;
    client = address;
  }
  return client;
}
