import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps same-site paths', () => {
    expect(safeNextPath('/checkout')).toBe('/checkout');
    expect(safeNextPath('/orders/1?x=1')).toBe('/orders/1?x=1');
  });

  it.each(['https://evil.test', '//evil.test', '/\\evil.test', '', undefined, ['/a']])(
    'refuses %j',
    (value) => {
      expect(safeNextPath(value)).toBe('/');
    },
  );
});
