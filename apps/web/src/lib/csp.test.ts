import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce } from './csp';

const directive = (csp: string, name: string) =>
  csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('contentSecurityPolicy', () => {
  it('allows scripts only by nonce in production, never inline or eval', () => {
    const csp = contentSecurityPolicy('abc123', false);
    expect(directive(csp, 'script-src')).toBe(`script-src 'self' 'nonce-abc123' 'strict-dynamic'`);
    expect(directive(csp, 'style-src')).toBe(`style-src 'self' 'nonce-abc123'`);
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(csp).toContain(`object-src 'none'`);
  });

  it("adds 'unsafe-eval' only for development", () => {
    expect(directive(contentSecurityPolicy('n', true), 'script-src')).toContain(`'unsafe-eval'`);
  });
});

describe('createNonce', () => {
  it('is fresh each time and a valid base64 nonce-source', () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});
