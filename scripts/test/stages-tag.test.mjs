import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../stages-tag.mjs', import.meta.url));
let repo;

const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
const commit = (message) => {
  git('commit', '--allow-empty', '-q', '-m', message);
  return git('rev-parse', 'HEAD');
};
const stagesTag = () => execFileSync('node', [script], { cwd: repo, encoding: 'utf8' });

beforeEach(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'stages-tag-'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Test');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('stages:tag', () => {
  it('creates an annotated tag for every Stage trailer', async () => {
    commit('chore: start');
    const mvc = commit('feat: mvc shop\n\nStage: stage-1-mvc');
    commit('refactor: layers\n\nStage: stage-2-layered');
    const out = stagesTag();
    expect(out).toContain('created stage-1-mvc');
    expect(git('rev-parse', 'stage-1-mvc^{commit}')).toBe(mvc);
    expect(git('cat-file', '-t', 'stage-1-mvc')).toBe('tag');
    expect(git('tag', '--list')).toBe('stage-1-mvc\nstage-2-layered');
  });

  it('never moves an existing tag and is a no-op the second time', async () => {
    const first = commit('feat: one\n\nStage: stage-1-mvc');
    stagesTag();
    commit('fix: again\n\nStage: stage-1-mvc');
    const out = stagesTag();
    expect(out).toContain('kept    stage-1-mvc');
    expect(out).not.toContain('created');
    expect(git('rev-parse', 'stage-1-mvc^{commit}')).toBe(first);
  });

  it('says so when no commit carries a trailer', () => {
    commit('chore: nothing');
    expect(stagesTag()).toContain('nothing to tag');
  });
});
