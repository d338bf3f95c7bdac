import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../src/testing';
import type { TestDatabase } from '../src/testing';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
let db: TestDatabase;

/** Runs a wasm-engine script the way `npm run` does, with DATABASE_URL pointing at `url`. */
async function wasmScript(
  script: string,
  url: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const argv = [
    '--disable-warning=ExperimentalWarning',
    '--experimental-wasm-modules',
    '--import',
    'tsx',
    script,
    ...args,
  ];
  try {
    const { stdout, stderr } = await run(process.execPath, argv, {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: url },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  db = await createTestDatabase('status');
});

afterAll(async () => {
  await db?.drop();
});

describe("Prisma's own engine on our migration history", () => {
  it('sees every migration applied by our runner as applied, unedited, and the schema fully migrated', async () => {
    const result = await wasmScript('scripts/migrate-status.ts', db.url);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /has all \d+ migration\(s\) applied \(as Prisma sees it\), and schema.prisma matches them/,
    );
    expect(result.code).toBe(0);
  });

  it('db:migrate:new refuses, in one line, when the schema has no changes', async () => {
    const result = await wasmScript('scripts/migrate-new.ts', db.url, 'nothing');
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'db:migrate:new: prisma/schema.prisma matches the newest migration: nothing to write.',
    );
  });
});
