/**
 * The files of `packages/events/catalogue/`: generated in memory, formatted with the repository's
 * prettier settings (so `prettier --check .` agrees with them), and compared with a folder — the
 * check that the committed copy is current.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { stringify } from 'yaml';
import { events } from '../src/catalogue';
import { asyncApiDocument } from './asyncapi';
import { eventJsonSchema, schemaFileName } from './json-schemas';
import { catalogueReadme } from './readme';

export const catalogueDir = fileURLToPath(new URL('../catalogue', import.meta.url));

/** File name → content, sorted by name. */
export type CatalogueFiles = ReadonlyMap<string, string>;

export interface Difference {
  file: string;
  problem: 'differs' | 'missing' | 'not generated';
}

/** Formatted as if it lived in the committed folder, wherever it is compared or written. */
async function format(name: string, text: string): Promise<string> {
  const filepath = path.join(catalogueDir, name);
  const options = await prettier.resolveConfig(filepath, { editorconfig: true });
  return prettier.format(text, { ...options, filepath });
}

async function packageVersion(): Promise<string> {
  const manifest = await readFile(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

export async function generateCatalogue(): Promise<CatalogueFiles> {
  const asyncapi = asyncApiDocument(await packageVersion());
  const raw: [string, string][] = [
    ...events.map((event): [string, string] => [
      schemaFileName(event),
      JSON.stringify(eventJsonSchema(event), null, 2),
    ]),
    ['asyncapi.yaml', stringify(asyncapi, { aliasDuplicateObjects: false, lineWidth: 0 })],
    ['README.md', catalogueReadme()],
  ];
  raw.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const files = new Map<string, string>();
  for (const [name, text] of raw) files.set(name, await format(name, text));
  return files;
}

async function filesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** What in `dir` is not exactly `files`: changed or missing files, and files no event generates. */
export async function compareCatalogue(dir: string, files: CatalogueFiles): Promise<Difference[]> {
  const present = new Set(await filesIn(dir));
  const differences: Difference[] = [];
  for (const [file, content] of files) {
    if (!present.has(file)) differences.push({ file, problem: 'missing' });
    else if ((await readFile(path.join(dir, file), 'utf8')) !== content)
      differences.push({ file, problem: 'differs' });
  }
  for (const file of [...present].sort())
    if (!files.has(file)) differences.push({ file, problem: 'not generated' });
  return differences;
}

/** Makes `dir` hold exactly `files`: writes what differs, removes what no event generates. */
export async function writeCatalogue(dir: string, files: CatalogueFiles): Promise<Difference[]> {
  const differences = await compareCatalogue(dir, files);
  await mkdir(dir, { recursive: true });
  for (const { file, problem } of differences)
    if (problem === 'not generated') await rm(path.join(dir, file), { recursive: true });
    else await writeFile(path.join(dir, file), files.get(file) ?? '');
  return differences;
}
