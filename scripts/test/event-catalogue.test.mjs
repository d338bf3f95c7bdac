// The lint step that keeps packages/events/catalogue/ current bites: run the way `npm run lint`
// runs it, against a copy of the committed catalogue, it passes on the copy as committed and fails,
// naming the file and the command that fixes it, once a file is out of date.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintChecks } from '../lib/lint.mjs';
import { repoRoot } from '../lib/paths.mjs';
import { capture } from '../lib/processes.mjs';

const committed = path.join(repoRoot, 'packages/events/catalogue');
const copy = mkdtempSync(path.join(os.tmpdir(), 'shop-catalogue-check-'));
cpSync(committed, copy, { recursive: true });
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const catalogueCheck = lintChecks.find((check) => check.label.startsWith('event catalogue'));
const runCheck = () =>
  capture(catalogueCheck.command, [...catalogueCheck.args, '--dir', copy], { cwd: repoRoot });

describe('the event catalogue check in npm run lint', () => {
  it('is one of the lint checks, one process over the committed folder', () => {
    expect(path.basename(catalogueCheck.command)).toBe('tsx');
    expect(catalogueCheck.args).toEqual(['packages/events/scripts/catalogue.ts', '--check']);
  });

  it('passes on the committed copy and fails on a stale one, saying how to fix it', async () => {
    const current = await runCheck();
    expect(current.stderr).toBe('');
    expect(current.code).toBe(0);

    const schema = path.join(copy, 'payment.PaymentCaptured.v1.schema.json');
    writeFileSync(schema, readFileSync(schema, 'utf8').replace('"chargeId"', '"chargeRef"'));
    const stale = await runCheck();
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('the event catalogue is stale: run npm run events:catalogue');
    expect(stale.stderr).toContain('differs: ');
    expect(stale.stderr).toContain('payment.PaymentCaptured.v1.schema.json');
  }, 60_000);
});
