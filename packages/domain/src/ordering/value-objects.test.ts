import { describe, expect, it } from 'vitest';
import { InvalidRequest } from '../shared/errors';
import { IdempotencyKey } from './idempotency-key';
import { ShippingAddress } from './shipping-address';

describe('IdempotencyKey', () => {
  it('is 8 to 100 characters, trimmed, and equal by value', () => {
    expect(IdempotencyKey.of('  checkout-1  ').value).toBe('checkout-1');
    expect(IdempotencyKey.of('checkout-1').equals(IdempotencyKey.of('checkout-1'))).toBe(true);
    expect(() => IdempotencyKey.of('short')).toThrow(InvalidRequest);
    expect(() => IdempotencyKey.of('x'.repeat(101))).toThrow(InvalidRequest);
  });
});

describe('ShippingAddress', () => {
  const fields = {
    fullName: 'Kim',
    address: '1 Road',
    city: 'Seoul',
    postalCode: '04524',
    country: 'kr',
  };

  it('trims, upper-cases the country and is equal by value', () => {
    const address = ShippingAddress.of({ ...fields, fullName: ' Kim ' });
    expect(address.toJSON()).toEqual({ ...fields, country: 'KR' });
    expect(address.equals(ShippingAddress.of(fields))).toBe(true);
    expect(address.equals(ShippingAddress.of({ ...fields, city: 'Busan' }))).toBe(false);
  });

  it('refuses a missing part or a country that is not two letters', () => {
    expect(() => ShippingAddress.of({ ...fields, city: ' ' })).toThrow(InvalidRequest);
    expect(() => ShippingAddress.of({ ...fields, country: 'KOR' })).toThrow(InvalidRequest);
  });
});
