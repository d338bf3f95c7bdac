import { describe, expect, it } from 'vitest';
import { sortStageTags, stageNumber } from '../lib/stages.mjs';

describe('stage tags', () => {
  it('reads the number after stage-', () => {
    expect(stageNumber('stage-1-mvc')).toBe(1);
    expect(stageNumber('stage-12')).toBe(12);
    expect(stageNumber('stage-x-draft')).toBeNull();
    expect(stageNumber('stage-2b')).toBeNull();
  });

  it('sorts by that number, not by name; names without one go last; other tags are left out', () => {
    const tags = [
      'stage-10-extra',
      'v1.0.0',
      'stage-2-layered',
      'stage-draft',
      'stage-1-mvc',
      '',
      'stage-3-ddd',
    ];
    expect(sortStageTags(tags)).toEqual([
      'stage-1-mvc',
      'stage-2-layered',
      'stage-3-ddd',
      'stage-10-extra',
      'stage-draft',
    ]);
  });
});
