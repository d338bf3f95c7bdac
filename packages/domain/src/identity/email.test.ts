import { email } from '@shop/contract/auth';
import { describe, expect, it } from 'vitest';
import { InvalidRequest } from '../shared/errors';
import { Email } from './email';

describe('an email', () => {
  it('is trimmed and lower-cased, so one address is one account', () => {
    expect(Email.of('  Ada@Shop.Test ').value).toBe('ada@shop.test');
    expect(Email.of('ada@shop.test').equals(Email.of('ADA@shop.test'))).toBe(true);
  });

  it('refuses what is not an address', () => {
    expect(() => Email.of('ada')).toThrow(InvalidRequest);
    expect(() => Email.of('ada @shop.test')).toThrow(InvalidRequest);
  });

  it('is the contract’s rule, with the messages a user sees on the form', () => {
    expect(() => Email.of('ada@shop')).toThrow('Enter a valid email address');
    expect(() => Email.of(`${'a'.repeat(250)}@shop.test`)).toThrow(
      'Email is at most 254 characters',
    );
    for (const sample of ['a@b.co', 'ada@shop', 'ada@@shop.test', 'ada@.test', ' Ada@Shop.Test ']) {
      const contract = email.safeParse(sample);
      if (contract.success) expect(Email.of(sample).value).toBe(contract.data);
      else expect(() => Email.of(sample), sample).toThrow(InvalidRequest);
    }
  });
});
