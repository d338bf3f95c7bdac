import { describe, expect, it } from 'vitest';
import { ProvisionError, ensurePostgres, redactUrl } from '../lib/services.mjs';

describe('ensurePostgres with DATABASE_URL set', () => {
  it('reports a clear one-line error for an unreachable DATABASE_URL', async () => {
    const attempt = ensurePostgres({
      env: { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/shop' },
    });
    await expect(attempt).rejects.toBeInstanceOf(ProvisionError);
    await expect(attempt).rejects.toThrow(
      'DATABASE_URL (postgresql://postgres@127.0.0.1:1/shop) does not work: nothing is listening at 127.0.0.1:1 (connection refused).',
    );
    const message = await attempt.catch((error) => error.message);
    expect(message).not.toContain('\n');
    expect(message).toContain('unset DATABASE_URL');
  });

  it('never prints the password', async () => {
    const message = await ensurePostgres({
      env: { DATABASE_URL: 'postgresql://shop:s3cret@127.0.0.1:1/shop' },
    }).catch((error) => error.message);
    expect(message).toContain('postgresql://shop:***@127.0.0.1:1/shop');
    expect(message).not.toContain('s3cret');
  });

  it('rejects a URL that is not postgresql://', async () => {
    await expect(
      ensurePostgres({ env: { DATABASE_URL: 'mysql://127.0.0.1/shop' } }),
    ).rejects.toThrow('it is not a postgresql:// URL');
  });
});

describe('redactUrl', () => {
  it('masks only the password', () => {
    expect(redactUrl('postgresql://u:p@h:5/db')).toBe('postgresql://u:***@h:5/db');
    expect(redactUrl('postgresql://u@h:5/db')).toBe('postgresql://u@h:5/db');
  });
});
