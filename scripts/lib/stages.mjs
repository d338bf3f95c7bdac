// Stage tags (`stage-<n>-<name>`, one per architecture) and the `Stage: <tag>` commit trailers they are
// recreated from when tags did not travel with a clone. Used by `npm run stages:tag` and
// `npm run bench:stages`.
import process from 'node:process';
import { UserError } from './log.mjs';
import { capture } from './processes.mjs';

/** The n of `stage-<n>` or `stage-<n>-<name>`; null for any other name. */
export function stageNumber(tag) {
  const match = /^stage-(\d+)(?:-|$)/.exec(tag);
  return match ? Number(match[1]) : null;
}

/** The `stage-*` names in stage order (by number; names without a number last, by name). */
export function sortStageTags(tags) {
  const rank = (tag) => stageNumber(tag) ?? Number.POSITIVE_INFINITY;
  return tags
    .filter((tag) => tag.startsWith('stage-'))
    .sort((a, b) => (rank(a) === rank(b) ? a.localeCompare(b) : rank(a) - rank(b)));
}

const git = async (args, { cwd = process.cwd(), env = process.env } = {}) => {
  const result = await capture('git', args, { cwd, env });
  if (result.code !== 0)
    throw new UserError(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout;
};

/** [{ commit, subject, tag }] oldest first, one entry per Stage trailer on the current branch. */
export async function stageCommits({ cwd = process.cwd() } = {}) {
  const out = await git(
    ['log', '--reverse', '--format=%H%x1f%s%x1f%(trailers:key=Stage,valueonly,separator=%x1e)%x1d'],
    { cwd },
  );
  return out
    .split('\x1d')
    .map((record) => record.trim())
    .filter(Boolean)
    .flatMap((record) => {
      const [commit, subject, trailers = ''] = record.split('\x1f');
      return trailers
        .split('\x1e')
        .map((tag) => tag.trim())
        .filter(Boolean)
        .map((tag) => ({ commit, subject, tag }));
    });
}

/** Annotated tags need a tagger; a fresh CI machine may have no git identity configured. */
async function taggerEnv(cwd) {
  const { stdout } = await capture('git', ['config', 'user.email'], { cwd });
  if (stdout.trim()) return process.env;
  return {
    ...process.env,
    GIT_COMMITTER_NAME: 'stages-tag',
    GIT_COMMITTER_EMAIL: 'stages-tag@localhost',
  };
}

/** The commit a tag points at, or null when there is no such tag. */
export async function tagTarget(tag, { cwd = process.cwd() } = {}) {
  const result = await capture(
    'git',
    ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`],
    { cwd },
  );
  return result.code === 0 ? result.stdout.trim() : null;
}

/**
 * Creates the annotated tag of every `Stage:` trailer that has none yet; existing tags are never moved.
 * Returns one entry per trailer: { tag, commit, subject, outcome, target } with outcome 'created',
 * 'kept' (already there), 'elsewhere' (the tag exists on `target`) or 'invalid' (not a tag name).
 */
export async function tagStagesFromTrailers({ cwd = process.cwd() } = {}) {
  const results = [];
  for (const { commit, subject, tag } of await stageCommits({ cwd })) {
    const entry = { tag, commit, subject };
    if ((await capture('git', ['check-ref-format', `refs/tags/${tag}`], { cwd })).code !== 0) {
      results.push({ ...entry, outcome: 'invalid' });
      continue;
    }
    const target = await tagTarget(tag, { cwd });
    if (target === commit) results.push({ ...entry, outcome: 'kept' });
    else if (target) results.push({ ...entry, outcome: 'elsewhere', target });
    else {
      await git(['tag', '-a', tag, commit, '-m', `${tag}: ${subject}`], {
        cwd,
        env: await taggerEnv(cwd),
      });
      results.push({ ...entry, outcome: 'created' });
    }
  }
  return results;
}

/** [{ tag, commit }] for every `stage-*` tag, in stage order. */
export async function listStageTags({ cwd = process.cwd() } = {}) {
  const tags = sortStageTags(
    (await git(['tag', '--list', 'stage-*'], { cwd })).split('\n').map((t) => t.trim()),
  );
  const stages = [];
  for (const tag of tags) stages.push({ tag, commit: await tagTarget(tag, { cwd }) });
  return stages;
}
