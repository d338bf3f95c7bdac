/**
 * `npm run events:catalogue` (or `npm run catalogue -w @shop/events`): writes the event catalogue,
 * packages/events/catalogue/, from the declarations in src/. With `--check` it writes nothing and
 * exits 1 when the folder (or `--dir <folder>`) is not what it would write: the lint step in
 * scripts/lib/lint.mjs. One process generates every file.
 */
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import {
  catalogueDir,
  compareCatalogue,
  generateCatalogue,
  writeCatalogue,
} from './catalogue-files';

const usage = 'usage: catalogue.ts [--check] [--dir <folder>]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { check: { type: 'boolean', default: false }, dir: { type: 'string' } },
  });
  const dir = path.resolve(values.dir ?? catalogueDir);
  const shown = path.relative(process.cwd(), dir) || '.';
  const files = await generateCatalogue();
  if (values.check) {
    const differences = await compareCatalogue(dir, files);
    if (differences.length === 0) {
      console.log(`the event catalogue is current (${files.size} files in ${shown})`);
      return;
    }
    console.error('the event catalogue is stale: run npm run events:catalogue');
    for (const { file, problem } of differences) console.error(`  ${problem}: ${shown}/${file}`);
    process.exitCode = 1;
    return;
  }
  const differences = await writeCatalogue(dir, files);
  for (const { file, problem } of differences)
    console.log(`${problem === 'not generated' ? 'removed' : 'wrote'} ${shown}/${file}`);
  console.log(`the event catalogue is current (${files.size} files in ${shown})`);
}

main().catch((error: unknown) => {
  console.error(`events:catalogue: ${error instanceof Error ? error.message : String(error)}`);
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(usage);
  process.exitCode = 1;
});
