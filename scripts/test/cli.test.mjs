// Flags of every script go through node:util parseArgs (scripts/lib/cli.mjs).
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../lib/cli.mjs';
import { UserError } from '../lib/log.mjs';
import { capture } from '../lib/processes.mjs';

const options = { only: { type: 'string', multiple: true }, keep: { type: 'boolean' } };

describe('parseCli', () => {
  it('reads --flag value, --flag=value and repeated flags', () => {
    expect(
      parseCli({ options, usage: 'x', args: ['--only', 'a,b', '--only=c', '--keep'] }),
    ).toEqual({
      only: ['a,b', 'c'],
      keep: true,
    });
  });

  it('turns an unknown or incomplete flag into one line with the usage', () => {
    const attempt = (args) => () => parseCli({ options, usage: 'npm thing -- [--only x]', args });
    expect(attempt(['--frobnicate'])).toThrow(UserError);
    expect(attempt(['--frobnicate'])).toThrow(
      /^Unknown option '--frobnicate'.*Usage: npm thing -- \[--only x\]$/,
    );
    expect(attempt(['--only'])).toThrow(/argument missing\. Usage: npm thing/);
  });
});

describe('npm test flags', () => {
  const testScript = fileURLToPath(new URL('../test.mjs', import.meta.url));
  const npmTest = (...args) => capture(process.execPath, [testScript, ...args]);

  it('refuses an unknown stage before doing anything, and still ends with the tests line', async () => {
    const { code, stdout, stderr } = await npmTest('--only', 'unit,nope');
    expect(code).toBe(1);
    expect(stderr).toContain('Unknown stage "nope"; stages are typecheck, lint, unit, int, e2e.');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('tests: 0 passed, 1 failed, 0 skipped');
  });

  it('refuses an unknown flag the same way', async () => {
    const { code, stderr } = await npmTest('--skip=e2e', '--frobnicate');
    expect(code).toBe(1);
    expect(stderr).toContain("Unknown option '--frobnicate'");
    expect(stderr).toContain('Usage: npm test -- [--only stage,stage] [--skip stage,stage]');
  });
});
