// `npm run stages:tag`: for every commit on the current branch whose message carries a
// `Stage: <tag>` trailer, create the annotated tag <tag> when it is missing. Existing tags are
// never moved; a tag that points elsewhere is reported. The work is in scripts/lib/stages.mjs,
// which `npm run bench:stages` shares.
import { parseCli } from './lib/cli.mjs';
import { runMain } from './lib/lifecycle.mjs';
import { tagStagesFromTrailers } from './lib/stages.mjs';

await runMain(async () => {
  parseCli({ usage: 'npm run stages:tag' });
  const results = await tagStagesFromTrailers();
  if (results.length === 0) {
    console.log('No commit on this branch has a "Stage: <tag>" trailer; nothing to tag.');
    return;
  }
  for (const { tag, commit, subject, outcome, target } of results) {
    const short = commit.slice(0, 7);
    if (outcome === 'invalid')
      console.log(`skipped ${tag}: not a valid tag name (commit ${short})`);
    else if (outcome === 'kept') console.log(`kept    ${tag} → ${short} (already there)`);
    else if (outcome === 'elsewhere')
      console.log(
        `kept    ${tag} → ${target.slice(0, 7)} (exists; the trailer on ${short} names it too — not moved)`,
      );
    else console.log(`created ${tag} → ${short} "${subject}"`);
  }
});
