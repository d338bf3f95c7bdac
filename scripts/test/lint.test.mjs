// `npm run lint` checks formatting: its prettier check, run the way lint runs it, fails on a
// mis-formatted file and passes once the file is formatted.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint, lintChecks } from '../lib/lint.mjs';
import { repoRoot } from '../lib/paths.mjs';
import { capture } from '../lib/processes.mjs';

const fixture = mkdtempSync(path.join(os.tmpdir(), 'shop-lint-'));
copyFileSync(path.join(repoRoot, '.prettierrc.json'), path.join(fixture, '.prettierrc.json'));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

const formatCheck = lintChecks.find((check) => path.basename(check.command) === 'prettier');
const runFormatCheck = () => capture(formatCheck.command, formatCheck.args, { cwd: fixture });

describe('npm run lint', () => {
  it('is the lint entry, which runs the format check among its checks', async () => {
    const { scripts } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(scripts.lint).toBe('node scripts/lint.mjs');
    expect(formatCheck).toMatchObject({ args: ['--check', '.'] });
    expect(path.basename(formatCheck.command)).toBe('prettier');

    const ran = [];
    const result = await lint(
      async (command, args) => {
        ran.push([path.basename(command), ...args]);
        return { ok: command !== formatCheck.command };
      },
      () => {},
    );
    expect(ran).toContainEqual(['prettier', '--check', '.']);
    expect(result).toMatchObject({ ok: false, failed: 1 });
  });

  it('fails on a mis-formatted file, and passes once it is formatted', async () => {
    const file = path.join(fixture, 'sloppy.mjs');
    writeFileSync(file, 'export const  shop = {name:"shop",   tags:[ "a","b" ]}\n');
    const bad = await runFormatCheck();
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('sloppy.mjs');

    writeFileSync(file, "export const shop = { name: 'shop', tags: ['a', 'b'] };\n");
    const good = await runFormatCheck();
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
  });
});
