import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { changePasswordInput, logInInput, signUpInput } from './auth';
import { catalogGetInput, catalogListInput } from './catalog';
import { placeOrderInput } from './orders';
import { isStorableText, text, unstorableTextMessage } from './text';

const nul = '\u0000';
const loneHigh = '\uD83D';
const loneLow = '\uDE00';

describe('isStorableText', () => {
  it.each([
    ['plain text', 'Kim Minji'],
    ['Korean', '서울특별시 중구 세종대로 110'],
    ['an emoji (a surrogate pair)', 'tea 🍵 bowl'],
    ['the empty string', ''],
    ['other control characters PostgreSQL stores', 'tab\there\nnewline\u0001'],
  ])('accepts %s', (_label, value) => {
    expect(isStorableText(value)).toBe(true);
  });

  it.each([
    ['a NUL', `a${nul}b`],
    ['a NUL alone', nul],
    ['a lone high surrogate', `a${loneHigh}b`],
    ['a lone high surrogate at the end', `a${loneHigh}`],
    ['a lone low surrogate', `a${loneLow}b`],
    ['a lone low surrogate at the start', `${loneLow}a`],
    ['a pair in the wrong order', `${loneLow}${loneHigh}`],
    ['half of a pair next to a whole one', `🍵${loneHigh}`],
  ])('refuses %s', (_label, value) => {
    expect(isStorableText(value)).toBe(false);
  });
});

describe('text()', () => {
  const name = text().trim().min(1, 'Name is required').max(5, 'Too long');

  it('keeps the field rules chained after it', () => {
    expect(name.parse('  Minji ')).toBe('Minji');
    expect(name.safeParse('   ').error?.issues[0]?.message).toBe('Name is required');
  });

  it('reports only the unstorable character, not the rules after it', () => {
    const result = name.safeParse(`${nul}too long for the field`);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: [], message: unstorableTextMessage }),
    ]);
  });
});

const address = {
  fullName: 'Kim Minji',
  address: '1 Sejong-daero',
  city: 'Seoul',
  postalCode: '04524',
  country: 'KR',
};
const card = { cardNumber: '4242 4242 4242 4242', expiry: '12/99', cvc: '123' };

/** Every input schema with string fields: a valid input and the path of each string field. */
const inputs: [string, z.ZodType, Record<string, unknown>, string[][]][] = [
  [
    'signUpInput',
    signUpInput,
    { name: 'Minji', email: 'minji@shop.test', password: 'long-enough' },
    [['name'], ['email'], ['password']],
  ],
  [
    'logInInput',
    logInInput,
    { email: 'minji@shop.test', password: 'whatever' },
    [['email'], ['password']],
  ],
  [
    'changePasswordInput',
    changePasswordInput,
    { currentPassword: 'old-password', newPassword: 'new-password' },
    [['currentPassword'], ['newPassword']],
  ],
  [
    'catalogListInput',
    catalogListInput,
    { q: 'tea', category: 'coffee-tea', cursor: 'abc' },
    [['q'], ['category'], ['cursor']],
  ],
  ['catalogGetInput', catalogGetInput, { slug: 'celadon-bowl' }, [['slug']]],
  [
    'placeOrderInput',
    placeOrderInput,
    { idempotencyKey: 'key-12345678', shippingAddress: address, payment: card },
    [
      ['idempotencyKey'],
      ...Object.keys(address).map((field) => ['shippingAddress', field]),
      ...Object.keys(card).map((field) => ['payment', field]),
    ],
  ],
];

function withValue(input: Record<string, unknown>, path: string[], value: string) {
  const copy = structuredClone(input);
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = path.at(-1) as string;
  at[last] = value;
  return copy;
}

describe('every string field of every input', () => {
  const cases = inputs.flatMap(([name, schema, valid, paths]) =>
    paths.map((path) => [`${name}.${path.join('.')}`, schema, valid, path] as const),
  );

  it.each(inputs)('%s accepts its valid example', (_name, schema, valid) => {
    expect(schema.safeParse(valid).success).toBe(true);
  });

  it.each(cases)('%s refuses a NUL and a lone surrogate', (_label, schema, valid, path) => {
    const original = String(path.reduce<unknown>((at, key) => (at as never)[key], valid));
    for (const bad of [
      `${original}${nul}`,
      `${nul}${original}`,
      `${original}${loneHigh}`,
      `${loneLow}${original}`,
    ]) {
      const result = schema.safeParse(withValue(valid, path, bad));
      expect(result.success).toBe(false);
      expect(result.error?.issues).toContainEqual(
        expect.objectContaining({ path, message: unstorableTextMessage }),
      );
    }
  });
});
