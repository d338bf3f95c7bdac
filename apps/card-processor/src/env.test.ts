import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envVariables, loadEnv } from './env';

/** The README's environment table as `{ variable: default cell }` (the table under "## Environment"). */
function documentedEnvironment(): Record<string, string> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## Environment$/m)[1] ?? '';
  const table = section.slice(section.indexOf('\n|')).split('\n\n')[0] ?? '';
  const rows = table
    .split('\n')
    .slice(3) // the line break before it, the header and the divider
    .map((row) => row.split('|').map((cell) => cell.trim()));
  return Object.fromEntries(
    rows.map(([, name = '', value = '']) => [name.replace(/`/g, ''), value]),
  );
}

describe('loadEnv', () => {
  it('applies the documented defaults', () => {
    expect(loadEnv({})).toEqual({
      CARD_PROCESSOR_PORT: 4200,
      CARD_PROCESSOR_HOST: '127.0.0.1',
      CARD_PROCESSOR_PUBLISHABLE_KEY: 'pk_test_shop',
      CARD_PROCESSOR_SECRET_KEY: 'sk_test_shop',
      CARD_PROCESSOR_SLOW_MS: 6000,
    });
  });

  it('reads each setting and refuses a bad one by name', () => {
    const env = loadEnv({
      CARD_PROCESSOR_PORT: '0',
      CARD_PROCESSOR_PUBLISHABLE_KEY: 'pk_live_abcd',
      CARD_PROCESSOR_SLOW_MS: '250',
    });
    expect(env).toMatchObject({
      CARD_PROCESSOR_PORT: 0,
      CARD_PROCESSOR_PUBLISHABLE_KEY: 'pk_live_abcd',
      CARD_PROCESSOR_SLOW_MS: 250,
    });
    expect(() => loadEnv({ CARD_PROCESSOR_PORT: '70000' })).toThrow(/CARD_PROCESSOR_PORT/);
    expect(() => loadEnv({ CARD_PROCESSOR_SECRET_KEY: 'pk_test_shop' })).toThrow(
      /CARD_PROCESSOR_SECRET_KEY/,
    );
    expect(() => loadEnv({ CARD_PROCESSOR_SLOW_MS: 'soon' })).toThrow(/CARD_PROCESSOR_SLOW_MS/);
  });

  it('is documented, variable by variable with its default, in the README', () => {
    const documented = documentedEnvironment();
    const defaults = loadEnv({});
    expect(Object.keys(documented).sort()).toEqual([...envVariables].sort());
    for (const name of envVariables) expect(documented[name]).toBe(`\`${defaults[name]}\``);
  });
});
