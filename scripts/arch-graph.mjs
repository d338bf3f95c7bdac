// `npm run arch:graph`: the API's (and the domain package's) dependency graph at layer level, as Mermaid, from the code's own
// imports (dependency-cruiser with the rules in .dependency-cruiser.cjs). Prints it and writes
// docs/architecture/api-layers.mmd, which the stage guide embeds. An arrow is labelled with how many
// imports it stands for; an arrow that breaks a rule is drawn red.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { parseCli } from './lib/cli.mjs';
import { runMain } from './lib/lifecycle.mjs';
import { binDir, repoRoot } from './lib/paths.mjs';
import { capture } from './lib/processes.mjs';
import { layerGraph } from './lib/layers.mjs';
import { ensurePrismaClient } from './lib/preflight.mjs';

const output = path.join(repoRoot, 'docs', 'architecture', 'api-layers.mmd');

await runMain(async () => {
  parseCli({ usage: 'npm run arch:graph' });
  // Without the generated client, the database package's imports would not resolve in the graph.
  await ensurePrismaClient();
  const { code, stdout, stderr } = await capture(path.join(binDir, 'depcruise'), [
    'apps/api/src',
    'packages/domain/src',
    '--config',
    '.dependency-cruiser.cjs',
    '--output-type',
    'json',
  ]);
  // depcruise exits non-zero when a rule is broken; the JSON is still complete.
  if (!stdout.trim()) throw new Error(`dependency-cruiser failed (exit ${code}): ${stderr.trim()}`);
  const mermaid = layerGraph(JSON.parse(stdout));
  writeFileSync(output, mermaid);
  process.stdout.write(mermaid);
  console.error(`\narch:graph: wrote ${path.relative(repoRoot, output)}`);
});
