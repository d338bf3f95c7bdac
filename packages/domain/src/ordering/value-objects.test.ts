import { countryCodeMessage, idempotencyKeyLength, placeOrderInput } from '@shop/contract/orders';
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

  it('has the contract’s length limits', () => {
    const { min, max } = idempotencyKeyLength;
    const keyField = placeOrderInput.shape.idempotencyKey;
    for (const length of [min - 1, min, max, max + 1]) {
      const key = 'k'.repeat(length);
      const valid = keyField.safeParse(key).success;
      if (valid) expect(IdempotencyKey.of(key).value).toBe(key);
      else expect(() => IdempotencyKey.of(key)).toThrow(`${min} to ${max} characters`);
    }
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

  it('refuses a country with the contract’s message', () => {
    expect(() => ShippingAddress.of({ ...fields, country: 'K1' })).toThrow(countryCodeMessage);
  });
});
