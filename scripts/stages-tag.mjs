// `npm run stages:tag`: for every commit on the current branch whose message carries a
// `Stage: <tag>` trailer, create the annotated tag <tag> when it is missing. Existing tags are
// never moved; a tag that points elsewhere is reported.
import process from 'node:process';
import { parseCli } from './lib/cli.mjs';
import { UserError } from './lib/log.mjs';
import { runMain } from './lib/lifecycle.mjs';
import { capture } from './lib/processes.mjs';

const git = async (args, env = process.env) => {
  const result = await capture('git', args, { cwd: process.cwd(), env });
  if (result.code !== 0)
    throw new UserError(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout;
};

/** [{ commit, subject, tag }] oldest first, one entry per Stage trailer. */
async function stageCommits() {
  const out = await git([
    'log',
    '--reverse',
    '--format=%H%x1f%s%x1f%(trailers:key=Stage,valueonly,separator=%x1e)%x1d',
  ]);
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
async function taggerEnv() {
  const { stdout } = await capture('git', ['config', 'user.email'], { cwd: process.cwd() });
  if (stdout.trim()) return process.env;
  return {
    ...process.env,
    GIT_COMMITTER_NAME: 'stages-tag',
    GIT_COMMITTER_EMAIL: 'stages-tag@localhost',
  };
}

async function existingTarget(tag) {
  const result = await capture(
    'git',
    ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`],
    { cwd: process.cwd() },
  );
  return result.code === 0 ? result.stdout.trim() : null;
}

await runMain(async () => {
  parseCli({ usage: 'npm run stages:tag' });
  const commits = await stageCommits();
  if (commits.length === 0) {
    console.log('No commit on this branch has a "Stage: <tag>" trailer; nothing to tag.');
    return;
  }
  for (const { commit, subject, tag } of commits) {
    const short = commit.slice(0, 7);
    if ((await capture('git', ['check-ref-format', `refs/tags/${tag}`])).code !== 0) {
      console.log(`skipped ${tag}: not a valid tag name (commit ${short})`);
      continue;
    }
    const target = await existingTarget(tag);
    if (target === commit) console.log(`kept    ${tag} → ${short} (already there)`);
    else if (target)
      console.log(
        `kept    ${tag} → ${target.slice(0, 7)} (exists; the trailer on ${short} names it too — not moved)`,
      );
    else {
      await git(['tag', '-a', tag, commit, '-m', `${tag}: ${subject}`], await taggerEnv());
      console.log(`created ${tag} → ${short} "${subject}"`);
    }
  }
});
