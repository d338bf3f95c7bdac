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
});
