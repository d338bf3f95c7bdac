import { describe, expect, it } from 'vitest';
import { benchQueuePrefix } from './payment-services.mjs';

describe('benchQueuePrefix', () => {
  it('is unique per call and deletable by deleteKeysWithPrefix ([\\w-], at least 8 characters)', () => {
    const [a, b] = [benchQueuePrefix('stage-3-ddd'), benchQueuePrefix('stage-3-ddd')];
    expect(a).toMatch(/^shop-bench-stage-3-ddd-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(benchQueuePrefix('working tree')).toMatch(/^shop-bench-working-tree-[0-9a-f]{8}$/);
    expect(benchQueuePrefix('')).toMatch(/^[\w-]{8,}$/);
  });
});
