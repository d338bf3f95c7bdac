import { describe, expect, it } from 'vitest';
import { requestFingerprint } from './fingerprint';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const address = {
  fullName: 'Kim',
  address: '1 Road',
  city: 'Seoul',
  postalCode: '04524',
  country: 'KR',
};

describe('requestFingerprint', () => {
  const lines = [
    { productId: a, quantity: 1 },
    { productId: b, quantity: 2 },
  ];

  it('ignores line order', () => {
    expect(requestFingerprint([...lines].reverse(), address)).toBe(
      requestFingerprint(lines, address),
    );
  });

  it('counts a product split over two lines as one line', () => {
    expect(
      requestFingerprint(
        [
          { productId: a, quantity: 1 },
          { productId: b, quantity: 1 },
          { productId: b, quantity: 1 },
        ],
        address,
      ),
    ).toBe(requestFingerprint(lines, address));
  });

  it('changes with the cart or the address', () => {
    const base = requestFingerprint(lines, address);
    expect(requestFingerprint([{ productId: a, quantity: 1 }], address)).not.toBe(base);
    expect(requestFingerprint(lines, { ...address, city: 'Busan' })).not.toBe(base);
  });
});
