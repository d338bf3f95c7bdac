import { describe, expect, it } from 'vitest';
import { isDecodablePath } from './decodable-path';

describe('isDecodablePath', () => {
  it.each(['/', '/products/linen-apron', '/products/linen%2Dapron', '/products/caf%C3%A9'])(
    'accepts %s',
    (path) => expect(isDecodablePath(path)).toBe(true),
  );

  it.each(['/products/%', '/orders/%zz', '/api/trpc/auth.me%', '/products/%E0%A4%A'])(
    'refuses %s',
    (path) => expect(isDecodablePath(path)).toBe(false),
  );
});
